package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.value.Money;

import java.time.Instant;

/**
 * Money of a gateway payment went back to the guest through the gateway. A refund nobody here asked for (made in the
 * gateway's own dashboard) on a live order lowers what is paid: {@code paidAfter} and {@code remainderAfter} say by
 * how much (absent in events stored before they were recorded: paid did not change). {@code unasked}: the part of it
 * nobody here asked for; {@code unaskedReceipt}: that part's 54-ФЗ refund receipt (the payment's positions and modes,
 * scaled), which the payment process has the gateway make — none when the payment had no receipt. Both absent in events
 * stored before.
 */
public record GatewayRefundRecorded(String orderId, String gatewayRefundId, String gatewayPaymentId, Money amount,
                                    Instant at, Money refundDueAfter, PaymentStatus paymentStatusAfter,
                                    Money paidAfter, Money remainderAfter, Money unasked, Receipt unaskedReceipt) implements OrderEvent {

    /** A refund this service asked for (its receipt went with the request). */
    public GatewayRefundRecorded(String orderId, String gatewayRefundId, String gatewayPaymentId, Money amount, Instant at,
                                 Money refundDueAfter, PaymentStatus paymentStatusAfter, Money paidAfter, Money remainderAfter) {
        this(orderId, gatewayRefundId, gatewayPaymentId, amount, at, refundDueAfter, paymentStatusAfter, paidAfter, remainderAfter, null,
                null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
