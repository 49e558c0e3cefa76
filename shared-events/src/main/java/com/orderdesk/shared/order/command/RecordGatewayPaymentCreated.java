package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway accepted a payment request: its id and the page where the guest pays. Sent by the payment saga. */
public record RecordGatewayPaymentCreated(@TargetAggregateIdentifier String orderId, String requestId,
                                          String gatewayPaymentId, String confirmationUrl) {
}
