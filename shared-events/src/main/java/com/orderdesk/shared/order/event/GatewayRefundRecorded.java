package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Money;

import java.time.Instant;

/** Money of a gateway payment went back to the guest through the gateway. */
public record GatewayRefundRecorded(String orderId, String gatewayRefundId, String gatewayPaymentId, Money amount,
                                    Instant at, Money refundDueAfter, PaymentStatus paymentStatusAfter) {
}
