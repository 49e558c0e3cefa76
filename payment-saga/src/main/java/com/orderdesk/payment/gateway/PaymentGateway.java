package com.orderdesk.payment.gateway;

import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Money;

import java.util.List;

import java.util.Map;

/**
 * A YooKassa-style payment gateway (API v3). The real gateway and the built-in simulator are the same thing to
 * everyone but configuration ({@code orderdesk.gateway.base-url}).
 */
public interface PaymentGateway {

    /**
     * Creates a two-stage payment ({@code capture: false}): the guest authorizes it, then it waits for
     * {@link #capturePayment} or {@link #cancelPayment}. The same idempotence key returns the same payment however
     * often it is sent. {@code receipt} (null: none) is the 54-ФЗ receipt data of exactly {@code amount}.
     */
    GatewayPayment createPayment(String idempotenceKey, Money amount, String description, String returnUrl,
                                 Map<String, String> metadata, Receipt receipt);

    GatewayPayment getPayment(String paymentId);

    /**
     * Takes {@code amount} (at most what was authorized) of a payment waiting for capture; {@code receipt} (null: none)
     * replaces the payment's receipt data, as YooKassa requires when less than authorized is taken.
     */
    GatewayPayment capturePayment(String idempotenceKey, String paymentId, Money amount, Receipt receipt);

    /** Releases a payment waiting for capture: the guest's money is not taken. */
    GatewayPayment cancelPayment(String idempotenceKey, String paymentId);

    /**
     * The idempotence key of a payment request: the order and its request (a request id alone may repeat across
     * orders — the same client key on two orders — and must never fetch another order's payment).
     */
    static String paymentKey(String orderId, String requestId) {
        return idempotenceKey("payment:" + orderId + ":" + requestId);
    }

    /** The idempotence key of a request the service names by {@code name}: the same name, the same key (a UUID, 36 characters). */
    static String idempotenceKey(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** Returns {@code amount} of a payment; {@code receipt} (null: none) is the refund receipt's data. */
    GatewayRefund createRefund(String idempotenceKey, String paymentId, Money amount, Receipt receipt);

    GatewayRefund getRefund(String refundId);

    /** Every refund of a payment, whoever asked for it (YooKassa {@code GET /v3/refunds?payment_id=}). */
    java.util.List<GatewayRefund> refundsOf(String paymentId);

    /**
     * A receipt of its own ({@code POST /v3/receipts}, type {@code payment}): the settlement receipt of the prepayment
     * {@code paymentId}, its positions at full payment and its sum settled by {@code settlements}.
     */
    GatewayReceipt createSettlementReceipt(String idempotenceKey, String paymentId, Receipt receipt, List<Settlement> settlements);

    /** The refund receipt of a refund made without one (in the gateway's own dashboard): {@code POST /v3/receipts}, type refund. */
    GatewayReceipt createRefundReceipt(String idempotenceKey, String refundId, String paymentId, Receipt receipt);

    /** Every receipt of a payment (YooKassa {@code GET /v3/receipts?payment_id=}). */
    List<GatewayReceipt> receiptsOfPayment(String paymentId);

    /** Every receipt of a refund ({@code GET /v3/receipts?refund_id=}). */
    List<GatewayReceipt> receiptsOfRefund(String refundId);

    /**
     * A receipt as the gateway knows it: {@code type} payment or refund; {@code status} pending, succeeded or canceled;
     * {@code settlesPrepayment}: it is a settlement receipt (its settlements include a prepayment).
     */
    record GatewayReceipt(String id, String type, String paymentId, String refundId, String status, boolean settlesPrepayment,
                          Money total, String fiscalDocumentNumber, String fiscalStorageNumber, String fiscalAttribute) {
        public boolean pending() {
            return "pending".equals(status);
        }

        public boolean succeeded() {
            return "succeeded".equals(status);
        }
    }

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
