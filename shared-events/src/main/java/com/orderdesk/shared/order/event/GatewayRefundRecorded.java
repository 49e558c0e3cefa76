package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Money;

import java.time.Instant;

/**
 * Money of a gateway payment went back to the guest through the gateway. A refund nobody here asked for (made in the
 * gateway's own dashboard) on a live order lowers what is paid: {@code paidAfter} and {@code remainderAfter} say by
 * how much (absent in events stored before they were recorded: paid did not change).
 */
public record GatewayRefundRecorded(String orderId, String gatewayRefundId, String gatewayPaymentId, Money amount,
                                    Instant at, Money refundDueAfter, PaymentStatus paymentStatusAfter,
                                    Money paidAfter, Money remainderAfter) implements OrderEvent {
}
