package com.orderdesk.simulator;

import java.time.Clock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A small YooKassa-compatible gateway for the demo and the tests: payments and refunds in memory, a hosted page
 * to pay or decline, notifications to our webhook — and faults on request: duplicates, out-of-order delivery,
 * delays, 500s and timeouts.
 */
public class GatewaySimulator {
    private static final Logger log = LoggerFactory.getLogger(GatewaySimulator.class);

    final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
    private final Map<String, String> byIdempotenceKey = new ConcurrentHashMap<>();
    /** Fiscal receipts as the online cash register holds them (YooKassa {@code /v3/receipts}). */
    final Map<String, ObjectNode> receipts = new java.util.LinkedHashMap<>();
    /** The receipt data a payment was created (or partly captured) with: registered once the money is taken. */
    final Map<String, ObjectNode> paymentReceiptData = new ConcurrentHashMap<>();
    /** What a pending receipt becomes once it has been looked at: succeeded, or canceled when told so. */
    private final Map<String, String> receiptOutcomes = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong fiscalDocuments = new java.util.concurrent.atomic.AtomicLong(1000);
    private final ObjectMapper json;
    private final Environment environment;
    private final RestClient http;
    private final Clock clock;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gateway-simulator");
        thread.setDaemon(true);
        return thread;
    });
    volatile Faults faults = Faults.NONE;

    /** Told by tests or a curl line: {@code POST /simulator/control/faults}. */
    public record Faults(int failCreates, int timeoutCreates, int duplicates, boolean outOfOrder, long delayMillis,
                         Boolean dropNotifications, Boolean refuseRefunds, Boolean cancelReceipts, Boolean rejectReceipts,
                         Integer failReceiptCreates, Integer failRefundCreates) {
        static final Faults NONE = new Faults(0, 0, 1, false, 0, false, false, false, false, 0, 0);

        Faults withFailCreates(int left) {
            return new Faults(left, timeoutCreates, duplicates, outOfOrder, delayMillis, dropNotifications, refuseRefunds,
                    cancelReceipts, rejectReceipts, failReceiptCreates, failRefundCreates);
        }

        Faults withTimeoutCreates(int left) {
            return new Faults(failCreates, left, duplicates, outOfOrder, delayMillis, dropNotifications, refuseRefunds,
                    cancelReceipts, rejectReceipts, failReceiptCreates, failRefundCreates);
        }

        Faults withFailReceiptCreates(int left) {
            return new Faults(failCreates, timeoutCreates, duplicates, outOfOrder, delayMillis, dropNotifications, refuseRefunds,
                    cancelReceipts, rejectReceipts, left, failRefundCreates);
        }

        Faults withFailRefundCreates(int left) {
            return new Faults(failCreates, timeoutCreates, duplicates, outOfOrder, delayMillis, dropNotifications, refuseRefunds,
                    cancelReceipts, rejectReceipts, failReceiptCreates, left);
        }
    }

    public GatewaySimulator(ObjectMapper json, Environment environment, Clock clock) {
        this.clock = clock;
        this.json = json;
        this.environment = environment;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    synchronized ObjectNode createPayment(String idempotenceKey, ObjectNode request, String baseUrl) {
        String known = byIdempotenceKey.get("payment:" + idempotenceKey);
        if (known != null) {
            return payments.get(known);
        }
        String id = UUID.randomUUID().toString();
        ObjectNode payment = json.createObjectNode();
        payment.put("id", id);
        payment.put("status", "pending");
        payment.put("paid", false);
        payment.set("amount", request.path("amount").deepCopy());
        payment.put("description", request.path("description").asText(""));
        payment.put("created_at", clock.instant().toString());
        payment.put("capture", request.path("capture").asBoolean(false));
        ObjectNode confirmation = payment.putObject("confirmation");
        confirmation.put("type", "redirect");
        confirmation.put("confirmation_url", baseUrl + "/checkout/" + id);
        confirmation.put("return_url", request.path("confirmation").path("return_url").asText(""));
        payment.set("metadata", request.path("metadata").deepCopy());
        if (request.has("receipt")) {
            paymentReceiptData.put(id, (ObjectNode) request.path("receipt").deepCopy());
            payment.put("receipt_registration", "pending");
        }
        payments.put(id, payment);
        byIdempotenceKey.put("payment:" + idempotenceKey, id);
        return payment;
    }

    /** The guest pays on the hosted page: a two-stage payment now waits for capture, a one-stage one succeeds. */
    synchronized ObjectNode succeed(String paymentId) {
        ObjectNode payment = payments.get(paymentId);
        if (payment == null || !"pending".equals(payment.path("status").asText())) {
            return payment;
        }
        payment.put("paid", true);
        if (!payment.path("capture").asBoolean()) {
            payment.put("status", "waiting_for_capture");
            payment.put("expires_at", clock.instant().plus(Duration.ofDays(7)).toString());
            notifyWebhook("payment.waiting_for_capture", payment);
            return payment;
        }
        payment.put("status", "succeeded");
        payment.put("captured_at", clock.instant().toString());
        registerPaymentReceipt(payment);
        List<String> events = new ArrayList<>(List.of("payment.waiting_for_capture", "payment.succeeded"));
        if (faults.outOfOrder()) {
            java.util.Collections.reverse(events);
        }
        events.forEach(event -> notifyWebhook(event, payment));
        return payment;
    }

    /**
     * The shop takes {@code amount} (all when absent) of a payment waiting for capture, as YooKassa does: more than
     * authorized, or a payment in another state, is an error (null); the same key again returns the same payment.
     */
    synchronized ObjectNode capture(String idempotenceKey, String paymentId, String amount, ObjectNode receipt) {
        ObjectNode payment = payments.get(paymentId);
        if (payment != null && paymentId.equals(byIdempotenceKey.get("capture:" + idempotenceKey))) {
            return payment;
        }
        if (payment == null || !"waiting_for_capture".equals(payment.path("status").asText())) {
            return null;
        }
        if (amount != null) {
            java.math.BigDecimal asked = new java.math.BigDecimal(amount);
            java.math.BigDecimal authorized = new java.math.BigDecimal(payment.path("amount").path("value").asText());
            if (asked.signum() <= 0 || asked.compareTo(authorized) > 0) {
                return null;
            }
            ((ObjectNode) payment.path("amount")).put("value", asked.setScale(2).toPlainString());
        }
        payment.put("status", "succeeded");
        payment.put("captured_at", clock.instant().toString());
        if (receipt != null) {
            paymentReceiptData.put(paymentId, receipt.deepCopy());
        }
        registerPaymentReceipt(payment);
        byIdempotenceKey.put("capture:" + idempotenceKey, paymentId);
        notifyWebhook("payment.succeeded", payment);
        return payment;
    }

    /** The shop releases a payment waiting for capture: the guest's money stays with the guest. */
    synchronized ObjectNode release(String idempotenceKey, String paymentId) {
        ObjectNode payment = payments.get(paymentId);
        if (payment != null && paymentId.equals(byIdempotenceKey.get("cancel:" + idempotenceKey))) {
            return payment;
        }
        if (payment == null || !"waiting_for_capture".equals(payment.path("status").asText())) {
            return null;
        }
        payment.put("status", "canceled");
        payment.put("paid", false);
        ObjectNode details = payment.putObject("cancellation_details");
        details.put("party", "merchant");
        details.put("reason", "canceled_by_merchant");
        byIdempotenceKey.put("cancel:" + idempotenceKey, paymentId);
        notifyWebhook("payment.canceled", payment);
        return payment;
    }

    synchronized ObjectNode cancel(String paymentId) {
        ObjectNode payment = payments.get(paymentId);
        if (payment == null || !"pending".equals(payment.path("status").asText())) {
            return payment;
        }
        payment.put("status", "canceled");
        ObjectNode details = payment.putObject("cancellation_details");
        details.put("party", "payment_network");
        details.put("reason", "Отказ плательщика");
        notifyWebhook("payment.canceled", payment);
        return payment;
    }

    synchronized ObjectNode createRefund(String idempotenceKey, ObjectNode request) {
        String known = byIdempotenceKey.get("refund:" + idempotenceKey);
        if (known != null) {
            return refunds.get(known);
        }
        ObjectNode payment = payments.get(request.path("payment_id").asText());
        if (payment == null || !"succeeded".equals(payment.path("status").asText())
                || Boolean.TRUE.equals(faults.refuseRefunds()) && !idempotenceKey.startsWith("dashboard-")) {
            return null;
        }
        // like YooKassa: refunds of a payment never add up to more than it
        java.math.BigDecimal asked = new java.math.BigDecimal(request.path("amount").path("value").asText("0"));
        java.math.BigDecimal refundedBefore = refunds.values().stream()
                .filter(r -> r.path("payment_id").asText().equals(payment.path("id").asText()))
                .map(r -> new java.math.BigDecimal(r.path("amount").path("value").asText()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        if (asked.signum() <= 0 || refundedBefore.add(asked).compareTo(new java.math.BigDecimal(payment.path("amount").path("value").asText())) > 0) {
            return null;
        }
        ObjectNode refund = json.createObjectNode();
        refund.put("id", UUID.randomUUID().toString());
        refund.put("payment_id", payment.path("id").asText());
        refund.put("status", "succeeded");
        refund.set("amount", request.path("amount").deepCopy());
        refund.put("created_at", clock.instant().toString());
        refunds.put(refund.path("id").asText(), refund);
        if (request.has("receipt")) {
            ObjectNode receipt = newReceipt("refund", (ObjectNode) request.path("receipt"), payment.path("id").asText(),
                    refund.path("amount"));
            receipt.put("refund_id", refund.path("id").asText());
            refund.put("receipt_registration", "pending");
        }
        byIdempotenceKey.put("refund:" + idempotenceKey, refund.path("id").asText());
        notifyWebhook("refund.succeeded", refund);
        return refund;
    }

    /** The payments of an order (its id in their metadata). */
    List<ObjectNode> paymentsOf(String orderId) {
        return payments.values().stream().filter(payment -> orderId.equals(payment.path("metadata").path("orderId").asText())).toList();
    }

    /** The payment's receipt goes to the register once its money is taken. */
    private void registerPaymentReceipt(ObjectNode payment) {
        ObjectNode data = paymentReceiptData.get(payment.path("id").asText());
        if (data != null) {
            newReceipt("payment", data, payment.path("id").asText(), payment.path("amount"));
        }
    }

    /** A receipt handed to the register: pending until it has been looked at once, then registered (or canceled). */
    private ObjectNode newReceipt(String type, ObjectNode data, String paymentId, JsonNode amount) {
        ObjectNode receipt = json.createObjectNode();
        receipt.put("id", "rc-" + UUID.randomUUID());
        receipt.put("type", type);
        receipt.put("payment_id", paymentId);
        receipt.put("status", "pending");
        receipt.set("items", data.path("items").deepCopy());
        if (data.has("settlements")) {
            receipt.set("settlements", data.path("settlements").deepCopy());
        } else {
            ObjectNode settlement = receipt.putArray("settlements").addObject();
            settlement.put("type", "cashless");
            settlement.set("amount", amount.deepCopy());
        }
        if (data.has("tax_system_code")) {
            receipt.put("tax_system_code", data.path("tax_system_code").asInt());
        }
        receipt.set("customer", data.path("customer").deepCopy());
        receipts.put(receipt.path("id").asText(), receipt);
        receiptOutcomes.put(receipt.path("id").asText(), Boolean.TRUE.equals(faults.cancelReceipts()) ? "canceled" : "succeeded");
        return receipt;
    }

    /** A receipt of its own ({@code POST /v3/receipts}); the same key again returns the same receipt. */
    synchronized ObjectNode createReceipt(String idempotenceKey, ObjectNode request) {
        String known = byIdempotenceKey.get("receipt:" + idempotenceKey);
        if (known != null) {
            return receipts.get(known);
        }
        ObjectNode receipt = newReceipt(request.path("type").asText(), request, request.path("payment_id").asText(null),
                json.createObjectNode());
        if (request.hasNonNull("refund_id")) {
            receipt.put("refund_id", request.path("refund_id").asText());
        }
        byIdempotenceKey.put("receipt:" + idempotenceKey, receipt.path("id").asText());
        return receipt;
    }

    /**
     * Receipts of a payment or a refund, as they stand; a pending one is registered (or canceled) once it has been seen,
     * so a reader meets "pending" first, as with a real register.
     */
    synchronized List<ObjectNode> receiptsOf(String paymentId, String refundId) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode receipt : receipts.values()) {
            boolean match = refundId != null ? refundId.equals(receipt.path("refund_id").asText(null))
                    : paymentId != null && paymentId.equals(receipt.path("payment_id").asText(null));
            if (match) {
                found.add(receipt.deepCopy());
                if ("pending".equals(receipt.path("status").asText())) {
                    String outcome = receiptOutcomes.getOrDefault(receipt.path("id").asText(), "succeeded");
                    receipt.put("status", outcome);
                    if ("succeeded".equals(outcome)) {
                        receipt.put("fiscal_document_number", String.valueOf(fiscalDocuments.incrementAndGet()));
                        receipt.put("fiscal_storage_number", "9289000100408074");
                        receipt.put("fiscal_attribute", String.valueOf(Math.abs(receipt.path("id").asText().hashCode())));
                        receipt.put("registered_at", clock.instant().toString());
                    }
                    ObjectNode owner = payments.get(receipt.path("payment_id").asText(""));
                    boolean ownPaymentReceipt = "payment".equals(receipt.path("type").asText())
                            && !receipt.path("settlements").toString().contains("\"prepayment\"");
                    if (owner != null && ownPaymentReceipt) {
                        owner.put("receipt_registration", outcome);
                    }
                }
            }
        }
        return found;
    }

    /** Sends a notification the way the configured faults say (more than once, late). */
    void notifyWebhook(String event, ObjectNode object) {
        ObjectNode notification = json.createObjectNode();
        notification.put("type", "notification");
        notification.put("event", event);
        notification.set("object", object.deepCopy());
        String body = notification.toString();
        Faults current = faults;
        if (Boolean.TRUE.equals(current.dropNotifications())) {
            log.info("Simulator: notification {} about {} lost on purpose", event, object.path("id").asText());
            return;
        }
        for (int i = 0; i < Math.max(1, current.duplicates()); i++) {
            sender.schedule(() -> deliver(body), current.delayMillis() + i * 50L, TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(String body) {
        // where to deliver is known only once the server listens (random port in tests)
        String url = environment.getProperty("orderdesk.gateway.simulator.webhook-url",
                "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/api/webhooks/payments");
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                http.post().uri(url).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
                return;
            } catch (RuntimeException e) {
                log.warn("Simulator: webhook delivery failed (attempt {}): {}", attempt, e.getMessage());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
