package com.orderdesk.payment.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The YooKassa API v3 over HTTP: Basic auth with shop id and secret key, {@code Idempotence-Key} on every
 * creating call, timeouts, and retries with exponential backoff on 5xx and timeouts that reuse the same key (so a
 * retry never creates a second payment). A 4xx is a clear {@link GatewayRejectedException}.
 */
public class YooKassaGateway implements PaymentGateway {
    private static final Logger log = LoggerFactory.getLogger(YooKassaGateway.class);

    private final GatewayProperties properties;
    private final Environment environment;
    private final ObjectMapper json;
    private final RestClient http;

    private final ReceiptJson receipts;

    public YooKassaGateway(GatewayProperties properties, Environment environment, ObjectMapper json, Integer taxSystemCode) {
        this.properties = properties;
        this.receipts = new ReceiptJson(json, taxSystemCode);
        this.environment = environment;
        this.json = json;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** Resolved at call time: in the demo the simulator lives on this application's own (random) port. */
    private String url(String path) {
        String base = environment.resolveRequiredPlaceholders(properties.baseUrl());
        return base.replaceAll("/+$", "") + path;
    }

    private String authorization() {
        String credentials = properties.shopId() + ":" + properties.secretKey();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public GatewayPayment createPayment(String idempotenceKey, Money amount, String description, String returnUrl,
                                        Map<String, String> metadata, Receipt receipt) {
        ObjectNode body = json.createObjectNode();
        body.set("amount", amountJson(amount));
        body.put("capture", false);
        ObjectNode confirmation = body.putObject("confirmation");
        confirmation.put("type", "redirect");
        confirmation.put("return_url", environment.resolvePlaceholders(returnUrl));
        body.put("description", description);
        ObjectNode meta = body.putObject("metadata");
        metadata.forEach(meta::put);
        if (receipt != null) {
            body.set("receipt", receipts.receipt(receipt));
        }
        return payment(call("create payment", () -> http.post().uri(url("/v3/payments"))
                .header("Authorization", authorization()).header("Idempotence-Key", idempotenceKey)
                .contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().body(String.class)));
    }

    @Override
    public GatewayPayment getPayment(String paymentId) {
        return payment(call("get payment", () -> http.get().uri(url("/v3/payments/{id}"), paymentId)
                .header("Authorization", authorization()).retrieve().body(String.class)));
    }

    @Override
    public GatewayPayment capturePayment(String idempotenceKey, String paymentId, Money amount, Receipt receipt) {
        ObjectNode body = json.createObjectNode();
        body.set("amount", amountJson(amount));
        if (receipt != null) {
            body.set("receipt", receipts.receipt(receipt));
        }
        return payment(call("capture payment", () -> http.post().uri(url("/v3/payments/{id}/capture"), paymentId)
                .header("Authorization", authorization()).header("Idempotence-Key", idempotenceKey)
                .contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().body(String.class)));
    }

    @Override
    public GatewayPayment cancelPayment(String idempotenceKey, String paymentId) {
        return payment(call("cancel payment", () -> http.post().uri(url("/v3/payments/{id}/cancel"), paymentId)
                .header("Authorization", authorization()).header("Idempotence-Key", idempotenceKey)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(String.class)));
    }

    @Override
    public GatewayRefund createRefund(String idempotenceKey, String paymentId, Money amount, Receipt receipt) {
        ObjectNode body = json.createObjectNode();
        body.put("payment_id", paymentId);
        body.set("amount", amountJson(amount));
        if (receipt != null) {
            body.set("receipt", receipts.receipt(receipt));
        }
        return refund(call("create refund", () -> http.post().uri(url("/v3/refunds"))
                .header("Authorization", authorization()).header("Idempotence-Key", idempotenceKey)
                .contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().body(String.class)));
    }

    @Override
    public GatewayRefund getRefund(String refundId) {
        return refund(call("get refund", () -> http.get().uri(url("/v3/refunds/{id}"), refundId)
                .header("Authorization", authorization()).retrieve().body(String.class)));
    }

    @Override
    public java.util.List<GatewayRefund> refundsOf(String paymentId) {
        JsonNode list = call("list refunds", () -> http.get().uri(url("/v3/refunds?payment_id={id}&limit=100"), paymentId)
                .header("Authorization", authorization()).retrieve().body(String.class));
        java.util.List<GatewayRefund> refunds = new java.util.ArrayList<>();
        list.path("items").forEach(item -> refunds.add(refund(item)));
        return refunds;
    }

    @Override
    public GatewayReceipt createSettlementReceipt(String idempotenceKey, String paymentId, Receipt receipt,
                                                  java.util.List<Settlement> settlements) {
        ObjectNode body = receipts.settlementReceipt(paymentId, receipt, settlements);
        return ReceiptJson.gatewayReceipt(call("create receipt", () -> http.post().uri(url("/v3/receipts"))
                .header("Authorization", authorization()).header("Idempotence-Key", idempotenceKey)
                .contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().body(String.class)));
    }

    @Override
    public GatewayReceipt createRefundReceipt(String idempotenceKey, String refundId, String paymentId, Receipt receipt) {
        ObjectNode body = receipts.refundReceipt(refundId, paymentId, receipt);
        return ReceiptJson.gatewayReceipt(call("create receipt", () -> http.post().uri(url("/v3/receipts"))
                .header("Authorization", authorization()).header("Idempotence-Key", idempotenceKey)
                .contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().body(String.class)));
    }

    @Override
    public java.util.List<GatewayReceipt> receiptsOfPayment(String paymentId) {
        return receiptList(call("list receipts", () -> http.get().uri(url("/v3/receipts?payment_id={id}&limit=100"), paymentId)
                .header("Authorization", authorization()).retrieve().body(String.class)));
    }

    @Override
    public java.util.List<GatewayReceipt> receiptsOfRefund(String refundId) {
        return receiptList(call("list receipts", () -> http.get().uri(url("/v3/receipts?refund_id={id}&limit=100"), refundId)
                .header("Authorization", authorization()).retrieve().body(String.class)));
    }

    private static java.util.List<GatewayReceipt> receiptList(JsonNode list) {
        java.util.List<GatewayReceipt> found = new java.util.ArrayList<>();
        list.path("items").forEach(item -> found.add(ReceiptJson.gatewayReceipt(item)));
        return found;
    }

    private JsonNode call(String what, Supplier<String> request) {
        long backoff = properties.firstBackoff().toMillis();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= Math.max(1, properties.attempts()); attempt++) {
            try {
                return json.readTree(request.get());
            } catch (RestClientResponseException e) {
                HttpStatusCode status = e.getStatusCode();
                if (status.is4xxClientError()) {
                    throw new GatewayRejectedException(status.value(), e.getResponseBodyAsString());
                }
                last = e;
            } catch (ResourceAccessException e) {
                last = e;
            } catch (java.io.IOException e) {
                last = new IllegalStateException("Unreadable gateway answer", e);
            }
            log.warn("Gateway {} failed (attempt {} of {}): {}", what, attempt, properties.attempts(), last.getMessage());
            if (attempt < properties.attempts()) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        throw new GatewayUnavailableException("Gateway " + what + " failed after " + properties.attempts() + " attempts", last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("Interrupted while waiting to retry", e);
        }
    }

    private ObjectNode amountJson(Money amount) {
        ObjectNode node = json.createObjectNode();
        node.put("value", amount.value());
        node.put("currency", Money.CURRENCY);
        return node;
    }

    static Money money(JsonNode amount) {
        return Money.parse(amount.path("value").asText(), "amount");
    }

    static GatewayPayment payment(JsonNode node) {
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").fields().forEachRemaining(field -> metadata.put(field.getKey(), field.getValue().asText()));
        return new GatewayPayment(node.path("id").asText(), node.path("status").asText(), node.path("paid").asBoolean(),
                money(node.path("amount")), node.path("confirmation").path("confirmation_url").asText(null), metadata,
                node.path("cancellation_details").path("reason").asText(null));
    }

    static GatewayRefund refund(JsonNode node) {
        return new GatewayRefund(node.path("id").asText(), node.path("payment_id").asText(), node.path("status").asText(),
                money(node.path("amount")));
    }
}
