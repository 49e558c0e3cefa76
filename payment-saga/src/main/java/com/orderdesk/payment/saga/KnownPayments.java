package com.orderdesk.payment.saga;

/**
 * The gateway payments this service created, remembered by the saga the moment the gateway answers: the webhook's
 * inbox processes their notifications first, so no flood of junk delays a real payment.
 */
public interface KnownPayments {
    void remember(String paymentId, String orderId);

    boolean knows(String paymentId);

    /** In memory, for tests and fixtures. */
    static KnownPayments inMemory() {
        java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return new KnownPayments() {
            @Override
            public void remember(String paymentId, String orderId) {
                known.add(paymentId);
            }

            @Override
            public boolean knows(String paymentId) {
                return known.contains(paymentId);
            }
        };
    }
}
