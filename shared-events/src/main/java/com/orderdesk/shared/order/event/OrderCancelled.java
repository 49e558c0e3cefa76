package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;

import java.time.Instant;
import java.util.List;

/**
 * The order is cancelled. Everything received is now owed back: gateway payments through the gateway
 * ({@code gatewayRefunds}, for the saga), desk payments at the desk ({@code deskRefundDue}).
 * {@code refundDecided} is what the canceller decided to return of what was paid (a manager may return less, a
 * guest gets what the service's cancellation policy says); absent in events stored before it was decidable, which
 * returned everything.
 */
public record OrderCancelled(
        String orderId,
        String reason,
        Actor by,
        Instant at,
        Money refundDue,
        Money deskRefundDue,
        List<GatewayRefundDue> gatewayRefunds,
        PaymentStatus paymentStatusAfter,
        Money refundDecided) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
