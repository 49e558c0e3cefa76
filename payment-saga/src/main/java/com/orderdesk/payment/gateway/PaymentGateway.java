package com.orderdesk.payment.gateway;

import com.orderdesk.shared.value.Money;

import java.util.Map;

/**
 * A YooKassa-style payment gateway (API v3). The real gateway and the built-in simulator are the same thing to
 * everyone but configuration ({@code orderdesk.gateway.base-url}).
 */
public interface PaymentGateway {

    /**
     * Creates a two-stage payment ({@code capture: false}): the guest authorizes it, then it waits for
     * {@link #capturePayment} or {@link #cancelPayment}. The same idempotence key returns the same payment however
     * often it is sent.
     */
    GatewayPayment createPayment(String idempotenceKey, Money amount, String description, String returnUrl,
                                 Map<String, String> metadata);

    GatewayPayment getPayment(String paymentId);

    /** Takes {@code amount} (at most what was authorized) of a payment waiting for capture. */
    GatewayPayment capturePayment(String idempotenceKey, String paymentId, Money amount);

    /** Releases a payment waiting for capture: the guest's money is not taken. */
    GatewayPayment cancelPayment(String idempotenceKey, String paymentId);

    GatewayRefund createRefund(String idempotenceKey, String paymentId, Money amount);

    GatewayRefund getRefund(String refundId);

    /** Every refund of a payment, whoever asked for it (YooKassa {@code GET /v3/refunds?payment_id=}). */
    java.util.List<GatewayRefund> refundsOf(String paymentId);

    record GatewayPayment(String id, String status, boolean paid, Money amount, String confirmationUrl,
                          Map<String, String> metadata, String cancellationReason) {
        public boolean succeeded() {
            return "succeeded".equals(status) && paid;
        }

        public boolean canceled() {
            return "canceled".equals(status);
        }

        public boolean waitingForCapture() {
            return "waiting_for_capture".equals(status);
        }
    }

    record GatewayRefund(String id, String paymentId, String status, Money amount) {
        public boolean succeeded() {
            return "succeeded".equals(status);
        }
    }

    /** The gateway could not be reached or failed (5xx, timeout): try again later with the same idempotence key. */
    class GatewayUnavailableException extends RuntimeException {
        public GatewayUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The gateway refused the request (4xx): retrying the same request will not help. */
    class GatewayRejectedException extends RuntimeException {
        private final int status;

        public GatewayRejectedException(int status, String message) {
            super("Gateway refused with " + status + ": " + message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
