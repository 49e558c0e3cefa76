package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Money owed back after a cancellation, handed back at the desk. */
public record RecordDeskRefund(
        @TargetAggregateIdentifier String orderId,
        String refundId,
        Money amount,
        PaymentMethod method,
        Long expectedVersion) {
}
