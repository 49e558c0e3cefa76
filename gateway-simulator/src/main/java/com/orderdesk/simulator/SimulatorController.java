package com.orderdesk.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The simulator over HTTP, under {@code /simulator} (demo profile only): the YooKassa v3 API, the hosted payment
 * page, and a control API for scripts and tests.
 */
@RestController
@Profile("demo")
@RequestMapping("/simulator")
public class SimulatorController {
    private final GatewaySimulator simulator;
    private final SimulatorConfiguration.Shop gateway;
    private final ObjectMapper json;

    SimulatorController(GatewaySimulator simulator, SimulatorConfiguration.Shop gateway, ObjectMapper json) {
        this.simulator = simulator;
        this.gateway = gateway;
        this.json = json;
    }

    private boolean authorized(String authorization) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((gateway.shopId() + ":" + gateway.secretKey())
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(authorization);
    }

    private static ResponseEntity<JsonNode> unauthorized() {
        return error(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Wrong shop id or secret key");
    }

    /** An object the gateway keeps (a payment, a refund), to its shop: 401 without the shop's key, 404 when unknown. */
    private ResponseEntity<JsonNode> stored(String authorization, Map<String, ObjectNode> objects, String id, String what) {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        ObjectNode found = objects.get(id);
        return found == null ? error(HttpStatus.NOT_FOUND, "not_found", "No such " + what) : ResponseEntity.ok(found);
    }

    private static ResponseEntity<JsonNode> error(HttpStatus status, String code, String description) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("type", "error");
        body.put("code", code);
        body.put("description", description);
        return ResponseEntity.status(status).body(body);
    }

    private String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/simulator";
    }

    @PostMapping(path = "/v3/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> createPayment(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                  @RequestHeader(value = "Idempotence-Key", required = false) String key,
                                                  @RequestBody String body, HttpServletRequest request) throws Exception {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        if (key == null || key.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Idempotence-Key is required");
        }
        JsonNode parsed = json.readTree(body);
        ResponseEntity<JsonNode> badReceipt = receiptRefusal(parsed.path("receipt"), parsed.path("amount").path("value").asText("0"));
        if (badReceipt != null) {
            return badReceipt;
        }
        synchronized (simulator) {
            GatewaySimulator.Faults faults = simulator.faults;
            if (faults.failCreates() > 0) {
                simulator.faults = faults.withFailCreates(faults.failCreates() - 1);
                return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error", "Simulated failure");
            }
            if (faults.timeoutCreates() > 0) {
                simulator.faults = faults.withTimeoutCreates(faults.timeoutCreates() - 1);
                // created, but the answer never arrives in time: a retry with the same key must find this payment
                simulator.createPayment(key, (ObjectNode) json.readTree(body), base(request));
                Thread.sleep(gateway.readTimeout().toMillis() + 500);
            }
        }
        return ResponseEntity.ok(simulator.createPayment(key, (ObjectNode) json.readTree(body), base(request)));
    }

    @GetMapping(path = "/v3/payments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> getPayment(@RequestHeader(value = "Authorization", required = false) String authorization,
                                               @PathVariable String id) {
        return stored(authorization, simulator.payments, id, "payment");
    }

    /** What YooKassa answers before it looks at a capture or cancel: credentials, the key, the payment. */
    private ResponseEntity<JsonNode> refusal(String authorization, String key, String paymentId) {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        if (key == null || key.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Idempotence-Key is required");
        }
        return simulator.payments.containsKey(paymentId) ? null : error(HttpStatus.NOT_FOUND, "not_found", "No such payment");
    }

    @PostMapping(path = "/v3/payments/{id}/capture", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> capture(@RequestHeader(value = "Authorization", required = false) String authorization,
                                            @RequestHeader(value = "Idempotence-Key", required = false) String key,
                                            @PathVariable String id, @RequestBody(required = false) String body) throws Exception {
        ResponseEntity<JsonNode> refused = refusal(authorization, key, id);
        if (refused != null) {
            return refused;
        }
        JsonNode request = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        JsonNode amount = request.path("amount").path("value");
        ResponseEntity<JsonNode> badReceipt = receiptRefusal(request.path("receipt"),
                amount.isMissingNode() ? simulator.payments.get(id).path("amount").path("value").asText() : amount.asText());
        if (badReceipt != null) {
            return badReceipt;
        }
        ObjectNode payment = simulator.capture(key, id, amount.isMissingNode() ? null : amount.asText(),
                request.has("receipt") ? (ObjectNode) request.path("receipt") : null);
        return payment == null ? error(HttpStatus.BAD_REQUEST, "invalid_request", "Payment cannot be captured for this amount now")
                : ResponseEntity.ok(payment);
    }

    @PostMapping(path = "/v3/payments/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> cancelPayment(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                  @RequestHeader(value = "Idempotence-Key", required = false) String key,
                                                  @PathVariable String id) {
        ResponseEntity<JsonNode> refused = refusal(authorization, key, id);
        if (refused != null) {
            return refused;
        }
        ObjectNode payment = simulator.release(key, id);
        return payment == null ? error(HttpStatus.BAD_REQUEST, "invalid_request", "Only a payment waiting for capture can be canceled")
                : ResponseEntity.ok(payment);
    }

    @PostMapping(path = "/v3/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> createRefund(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                 @RequestHeader(value = "Idempotence-Key", required = false) String key,
                                                 @RequestBody String body) throws Exception {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        ObjectNode parsed = (ObjectNode) json.readTree(body);
        ResponseEntity<JsonNode> badReceipt = receiptRefusal(parsed.path("receipt"), parsed.path("amount").path("value").asText("0"));
        if (badReceipt != null) {
            return badReceipt;
        }
        synchronized (simulator) {
            GatewaySimulator.Faults faults = simulator.faults;
            if (faults.failRefundCreates() != null && faults.failRefundCreates() > 0) {
                simulator.faults = faults.withFailRefundCreates(faults.failRefundCreates() - 1);
                return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error", "Simulated failure");
            }
        }
        ObjectNode refund = simulator.createRefund(key, parsed);
        return refund == null ? error(HttpStatus.BAD_REQUEST, "invalid_request", "Payment cannot be refunded") : ResponseEntity.ok(refund);
    }

    @GetMapping(path = "/v3/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> listRefunds(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                @org.springframework.web.bind.annotation.RequestParam("payment_id") String paymentId) {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        ObjectNode list = json.createObjectNode();
        list.put("type", "list");
        com.fasterxml.jackson.databind.node.ArrayNode items = list.putArray("items");
        simulator.refunds.values().stream().filter(r -> paymentId.equals(r.path("payment_id").asText())).forEach(items::add);
        return ResponseEntity.ok(list);
    }

    @GetMapping(path = "/v3/refunds/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> getRefund(@RequestHeader(value = "Authorization", required = false) String authorization,
                                              @PathVariable String id) {
        return stored(authorization, simulator.refunds, id, "refund");
    }

    /** Receipt data with a payment, capture or refund, checked as YooKassa checks it (none: nothing to check). */
    private ResponseEntity<JsonNode> receiptRefusal(JsonNode receipt, String amount) {
        if (receipt.isMissingNode() || receipt.isNull()) {
            return null;
        }
        if (Boolean.TRUE.equals(simulator.faults.rejectReceipts())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Receipt is rejected by the online cash register (simulated)");
        }
        ReceiptRules.Problem problem = ReceiptRules.check(receipt, new java.math.BigDecimal(amount));
        return problem == null ? null : invalid(problem);
    }

    private static ResponseEntity<JsonNode> invalid(ReceiptRules.Problem problem) {
        ResponseEntity<JsonNode> refusal = error(HttpStatus.BAD_REQUEST, "invalid_request", problem.description());
        ((ObjectNode) refusal.getBody()).put("parameter", problem.parameter());
        return refusal;
    }

    /** A receipt of its own: the settlement receipt of a prepayment (YooKassa {@code POST /v3/receipts}). */
    @PostMapping(path = "/v3/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> createReceipt(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                  @RequestHeader(value = "Idempotence-Key", required = false) String key,
                                                  @RequestBody String body) throws Exception {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        if (key == null || key.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Idempotence-Key is required");
        }
        synchronized (simulator) {
            GatewaySimulator.Faults faults = simulator.faults;
            if (faults.failReceiptCreates() != null && faults.failReceiptCreates() > 0) {
                simulator.faults = faults.withFailReceiptCreates(faults.failReceiptCreates() - 1);
                return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error", "Simulated failure");
            }
        }
        ObjectNode request = (ObjectNode) json.readTree(body);
        if (Boolean.TRUE.equals(simulator.faults.rejectReceipts())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Receipt is rejected by the online cash register (simulated)");
        }
        ReceiptRules.Problem problem = ReceiptRules.checkOwn(request);
        return problem != null ? invalid(problem) : ResponseEntity.ok(simulator.createReceipt(key, request));
    }

    @GetMapping(path = "/v3/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> listReceipts(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                 @org.springframework.web.bind.annotation.RequestParam(value = "payment_id", required = false) String paymentId,
                                                 @org.springframework.web.bind.annotation.RequestParam(value = "refund_id", required = false) String refundId) {
        if (!authorized(authorization)) {
            return unauthorized();
        }
        if (paymentId == null && refundId == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "payment_id or refund_id is required");
        }
        ObjectNode list = json.createObjectNode();
        list.put("type", "list");
        simulator.receiptsOf(paymentId, refundId).forEach(list.putArray("items")::add);
        return ResponseEntity.ok(list);
    }

    /** Every receipt of an order's payments, as the register holds them now (for scripts and tests; reading changes nothing). */
    @GetMapping(path = "/control/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    public java.util.List<ObjectNode> receiptsOfOrder(@org.springframework.web.bind.annotation.RequestParam String orderId) {
        java.util.Set<String> paymentIds = new java.util.HashSet<>();
        simulator.paymentsOf(orderId).forEach(p -> paymentIds.add(p.path("id").asText()));
        synchronized (simulator) {
            return simulator.receipts.values().stream().filter(r -> paymentIds.contains(r.path("payment_id").asText()))
                    .map(ObjectNode::deepCopy).toList();
        }
    }

    /** The hosted payment page: the guest pays or declines, then goes back to the shop. */
    @GetMapping(path = "/checkout/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> checkout(@PathVariable String id) {
        ObjectNode payment = simulator.payments.get(id);
        if (payment == null) {
            return ResponseEntity.status(404).body("<h1>Платёж не найден</h1>");
        }
        String amount = HtmlUtils.htmlEscape(payment.path("amount").path("value").asText());
        String description = HtmlUtils.htmlEscape(payment.path("description").asText());
        String status = payment.path("status").asText();
        String page = """
                <!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Оплата заказа</title><style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
                .card{border:1px solid #ddd;border-radius:12px;padding:1.5rem}button{font-size:1.1rem;padding:.7rem 1.4rem;border-radius:8px;border:0;margin:.3rem}
                .pay{background:#2e7d32;color:#fff}.decline{background:#eee}</style></head><body><div class="card">
                <p>Тестовый платёжный шлюз</p><h1>%s ₽</h1><p>%s</p><p>Статус: <b id="status">%s</b></p>%s
                <form method="post" action="/simulator/checkout/%s/pay" style="display:inline"><button class="pay" id="pay">Оплатить</button></form>
                <form method="post" action="/simulator/checkout/%s/decline" style="display:inline"><button class="decline" id="decline">Отказаться</button></form>
                </div></body></html>""".formatted(amount, description, HtmlUtils.htmlEscape(status), receiptHtml(id), id, id);
        return ResponseEntity.ok(page);
    }

    /** The receipt data the payment carries, as the guest will get it from the register. */
    private String receiptHtml(String paymentId) {
        ObjectNode receipt = simulator.paymentReceiptData.get(paymentId);
        if (receipt == null) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"receipt\"><h2 style=\"font-size:1rem\">Чек (54-ФЗ)</h2><table style=\"width:100%;font-size:.9rem\">"
                + "<tr><th align=left>Позиция</th><th>Кол-во</th><th>Цена</th><th>НДС</th><th>Способ расчёта</th></tr>");
        for (JsonNode item : receipt.path("items")) {
            html.append("<tr><td>").append(HtmlUtils.htmlEscape(item.path("description").asText()))
                    .append("</td><td align=center>").append(HtmlUtils.htmlEscape(item.path("quantity").asText()))
                    .append("</td><td align=right>").append(HtmlUtils.htmlEscape(item.path("amount").path("value").asText()))
                    .append("</td><td align=center>").append(item.path("vat_code").asInt())
                    .append("</td><td class=\"mode\">").append(HtmlUtils.htmlEscape(item.path("payment_mode").asText()))
                    .append("</td></tr>");
        }
        JsonNode customer = receipt.path("customer");
        String contact = customer.path("email").asText(customer.path("phone").asText(""));
        return html.append("</table><p style=\"font-size:.9rem\">Чек придёт: <span id=\"receiptContact\">")
                .append(HtmlUtils.htmlEscape(contact)).append("</span></p></section>").toString();
    }

    @PostMapping("/checkout/{id}/pay")
    public ResponseEntity<Void> pay(@PathVariable String id) {
        return backToShop(simulator.succeed(id));
    }

    @PostMapping("/checkout/{id}/decline")
    public ResponseEntity<Void> decline(@PathVariable String id) {
        return backToShop(simulator.cancel(id));
    }

    private static ResponseEntity<Void> backToShop(ObjectNode payment) {
        if (payment == null) {
            return ResponseEntity.notFound().build();
        }
        String returnUrl = payment.path("confirmation").path("return_url").asText("/");
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", returnUrl.isBlank() ? "/" : returnUrl).build();
    }

    /** Scripts and tests: {@code curl -X POST localhost:8080/simulator/control/payments/<id>/succeed}. */
    @PostMapping(path = "/control/payments/{id}/{outcome}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> control(@PathVariable String id, @PathVariable String outcome) {
        ObjectNode payment = switch (outcome) {
            case "succeed" -> simulator.succeed(id);
            case "cancel" -> simulator.cancel(id);
            default -> null;
        };
        return payment == null ? error(HttpStatus.NOT_FOUND, "not_found", "No such pending payment") : ResponseEntity.ok(payment);
    }

    /** Every payment the simulator holds for one order, for scripts and tests that count them. */
    @GetMapping(path = "/control/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    public java.util.List<ObjectNode> paymentsOf(@org.springframework.web.bind.annotation.RequestParam String orderId) {
        return simulator.paymentsOf(orderId);
    }

    /** A refund made in the gateway's own dashboard, not asked for by the shop. */
    @PostMapping(path = "/control/payments/{id}/refund", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> dashboardRefund(@PathVariable String id, @org.springframework.web.bind.annotation.RequestParam String amount) {
        ObjectNode request = json.createObjectNode();
        request.put("payment_id", id);
        request.putObject("amount").put("value", amount).put("currency", "RUB");
        ObjectNode refund = simulator.createRefund("dashboard-" + java.util.UUID.randomUUID(), request);
        return refund == null ? error(HttpStatus.BAD_REQUEST, "invalid_request", "Payment cannot be refunded") : ResponseEntity.ok(refund);
    }

    @PostMapping(path = "/control/faults", produces = MediaType.APPLICATION_JSON_VALUE)
    public GatewaySimulator.Faults faults(@RequestBody GatewaySimulator.Faults faults) {
        simulator.faults = faults;
        return faults;
    }

    /** Sends a notification as the gateway would, for an existing object (tests of duplicates, forgeries, order). */
    @PostMapping(path = "/control/notify/{event}/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> notify(@PathVariable String event, @PathVariable String id) {
        ObjectNode object = event.startsWith("refund") ? simulator.refunds.get(id) : simulator.payments.get(id);
        if (object == null) {
            return error(HttpStatus.NOT_FOUND, "not_found", "No such object");
        }
        simulator.notifyWebhook(event, object);
        return ResponseEntity.ok(object);
    }
}
