package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Money;

import com.orderdesk.shared.order.receipt.Receipt;

import java.time.Instant;

/**
 * The guest authorized {@code authorized} online; the order decided to capture {@code toCapture} of it — what is
 * still owed under the minimum-remainder rule, or nothing (the authorization is then released: the order was
 * cancelled, completed or paid meanwhile). Until the capture is recorded the amount is reserved: no other payment
 * may take its place. {@code receipt}: the receipt of what is captured (null when the payment was made without one).
 */
public record GatewayPaymentAuthorized(String orderId, String paymentId, Money authorized, Money toCapture, Instant at,
                                       Receipt receipt) implements OrderEvent {

    public GatewayPaymentAuthorized(String orderId, String paymentId, Money authorized, Money toCapture, Instant at) {
        this(orderId, paymentId, authorized, toCapture, at, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
