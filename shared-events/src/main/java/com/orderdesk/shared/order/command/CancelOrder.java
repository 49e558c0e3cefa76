package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels the order; {@code refundAmount} (managers only) is what of the paid money goes back — absent: everything. */
public record CancelOrder(
        @TargetAggregateIdentifier String orderId,
        String reason,
        Long expectedVersion,
        Money refundAmount) {
}
