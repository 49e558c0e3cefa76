package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway returned money of a gateway payment to the guest. Idempotent by the gateway's refund id. */
public record RecordGatewayRefund(@TargetAggregateIdentifier String orderId, String gatewayRefundId,
                                  String gatewayPaymentId, Money amount) {
}
