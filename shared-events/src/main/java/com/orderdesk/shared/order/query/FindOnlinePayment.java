package com.orderdesk.shared.order.query;

import com.orderdesk.shared.value.Money;

/** The online payment an order waits for, if any: answered with {@link OnlinePayment} or null. */
public record FindOnlinePayment(String orderId) {

    /** {@code status}: REQUESTED (gateway not asked yet), PENDING (the guest can pay at {@code confirmationUrl}), CANCELED. */
    public record OnlinePayment(String requestId, Money amount, String status, String gatewayPaymentId, String confirmationUrl) {
    }
}
