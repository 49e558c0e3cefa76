package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway reports (and confirms on asking) that an online payment was declined or canceled. */
public record RecordGatewayPaymentCanceled(@TargetAggregateIdentifier String orderId, String gatewayPaymentId,
                                           String reason) {
}
