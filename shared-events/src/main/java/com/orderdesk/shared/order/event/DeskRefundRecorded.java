package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;

import java.time.Instant;

public record DeskRefundRecorded(
        String orderId,
        String refundId,
        Money amount,
        PaymentMethod method,
        Actor by,
        Instant at,
        Money refundDueAfter,
        PaymentStatus paymentStatusAfter) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
