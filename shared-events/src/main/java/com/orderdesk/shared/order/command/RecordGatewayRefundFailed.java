package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway refused a refund the order asked for: what it was for stays owed, now to be settled by staff. */
public record RecordGatewayRefundFailed(@TargetAggregateIdentifier String orderId, String refundRequestId,
                                        String gatewayPaymentId, Money amount, String reason) {
}
