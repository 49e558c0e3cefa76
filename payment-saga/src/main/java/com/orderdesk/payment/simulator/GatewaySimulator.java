package com.orderdesk.payment.simulator;

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
    private final ObjectMapper json;
    private final Environment environment;
    private final RestClient http;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gateway-simulator");
        thread.setDaemon(true);
        return thread;
    });
    volatile Faults faults = Faults.NONE;

    /** Told by tests or a curl line: {@code POST /simulator/control/faults}. */
    public record Faults(int failCreates, int timeoutCreates, int duplicates, boolean outOfOrder, long delayMillis,
                         Boolean dropNotifications, Boolean refuseRefunds) {
        static final Faults NONE = new Faults(0, 0, 1, false, 0, false, false);

        Faults withFailCreates(int left) {
            return new Faults(left, timeoutCreates, duplicates, outOfOrder, delayMillis, dropNotifications, refuseRefunds);
        }

        Faults withTimeoutCreates(int left) {
            return new Faults(failCreates, left, duplicates, outOfOrder, delayMillis, dropNotifications, refuseRefunds);
        }
    }

    public GatewaySimulator(ObjectMapper json, Environment environment) {
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
        payment.put("created_at", Instant.now().toString());
        payment.put("capture", request.path("capture").asBoolean(false));
        ObjectNode confirmation = payment.putObject("confirmation");
        confirmation.put("type", "redirect");
        confirmation.put("confirmation_url", baseUrl + "/checkout/" + id);
        confirmation.put("return_url", request.path("confirmation").path("return_url").asText(""));
        payment.set("metadata", request.path("metadata").deepCopy());
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
            payment.put("expires_at", Instant.now().plus(Duration.ofDays(7)).toString());
            notifyWebhook("payment.waiting_for_capture", payment);
            return payment;
        }
        payment.put("status", "succeeded");
        payment.put("captured_at", Instant.now().toString());
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
    synchronized ObjectNode capture(String idempotenceKey, String paymentId, String amount) {
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
        payment.put("captured_at", Instant.now().toString());
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
        refund.put("created_at", Instant.now().toString());
        refunds.put(refund.path("id").asText(), refund);
        byIdempotenceKey.put("refund:" + idempotenceKey, refund.path("id").asText());
        notifyWebhook("refund.succeeded", refund);
        return refund;
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
