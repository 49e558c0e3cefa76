package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;

import com.orderdesk.shared.order.receipt.Receipt;

import java.time.Instant;

/**
 * The gateway took money for this order. Always recorded — money already taken is never refused;
 * whatever exceeds the remainder (or arrives after a cancellation) is owed back ({@code owedBack}; the payment saga
 * returns it through the gateway, with {@code owedBackReceipt} when the payment had a receipt).
 */
public record GatewayPaymentRecorded(
        String orderId,
        String paymentId,
        Money amount,
        PaymentMethod method,
        Actor by,
        Instant at,
        Money paidAfter,
        Money remainderAfter,
        Money refundDueAfter,
        PaymentStatus paymentStatusAfter,
        Money owedBack,
        Receipt owedBackReceipt) implements OrderEvent {

    public GatewayPaymentRecorded(String orderId, String paymentId, Money amount, PaymentMethod method, Actor by, Instant at,
                                  Money paidAfter, Money remainderAfter, Money refundDueAfter, PaymentStatus paymentStatusAfter,
                                  Money owedBack) {
        this(orderId, paymentId, amount, method, by, at, paidAfter, remainderAfter, refundDueAfter, paymentStatusAfter, owedBack, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
