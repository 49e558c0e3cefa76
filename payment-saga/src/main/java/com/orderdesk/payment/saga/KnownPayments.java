package com.orderdesk.payment.saga;

/**
 * The gateway payments this service created, remembered by the saga the moment the gateway answers: the webhook's
 * inbox processes their notifications first, so no flood of junk delays a real payment.
 */
public interface KnownPayments {
    void remember(String paymentId, String orderId);

    boolean knows(String paymentId);
}
