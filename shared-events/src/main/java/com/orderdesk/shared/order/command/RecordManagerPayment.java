package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** «Провести оплату»: money the guest paid at the desk. The same {@code paymentId} is recorded once. */
public record RecordManagerPayment(
        @TargetAggregateIdentifier String orderId,
        String paymentId,
        Money amount,
        PaymentMethod method,
        String note,
        Long expectedVersion) {
}
