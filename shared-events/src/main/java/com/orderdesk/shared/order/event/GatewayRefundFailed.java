package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Money;

import com.orderdesk.shared.order.receipt.Receipt;

import java.time.Instant;

/**
 * The gateway refused to return {@code amount} of a gateway payment (its refunds were read back and recorded first).
 * What is still owed and the payment still allows is asked for again ({@code retried}, for the saga); the rest is
 * now part of what staff return at the desk ({@code deskRefundDueAfter}), and the order says so.
 */
public record GatewayRefundFailed(String orderId, String refundRequestId, String paymentId, Money amount, String reason,
                                  Instant at, Money deskRefundDueAfter, Money retried, Receipt retriedReceipt) implements OrderEvent {

    public GatewayRefundFailed(String orderId, String refundRequestId, String paymentId, Money amount, String reason,
                               Instant at, Money deskRefundDueAfter, Money retried) {
        this(orderId, refundRequestId, paymentId, amount, reason, at, deskRefundDueAfter, retried, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
