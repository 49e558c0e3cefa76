package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6: attribution on the events of every channel, the history by id and by number with its JSON and CSV
 * exports, "as of" at every step of an order's life including a gateway payment, tamper evidence (one byte
 * changed in the database is found at exactly that event, by the order's check and by the store-wide one), and
 * the auditor who reads everything and changes nothing, whose replays are recorded.
 */
class AuditTrailHttpTest extends HttpTestBase {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";


    private JsonNode events(String order) {
        Api.Response events = auditor.get("/api/audit/orders/" + order + "/events");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        return events.json();
    }

    private static JsonNode ofType(JsonNode events, String type) {
        for (JsonNode event : events) {
            if (event.path("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + events);
    }

    @Test
    void deskEventsNameTheManagerTheRequestItsTraceAndItsIdempotencyKey() {
        Api desk = manager.header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01").header("Idempotency-Key", "audit-desk-1");
        Api.Response placed = desk.post("/api/orders", orderBody(3, 4, "PARTIAL"));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.header("X-Trace-Id")).isEqualTo(TRACE);
        String order = placed.text("/orderId");
        manager.header("X-Correlation-Id", "desk-session-42")
                .put("/api/orders/" + order + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}");

        JsonNode events = events(order);
        JsonNode place = events.get(0);
        assertThat(place.path("actor").path("id").asText()).isEqualTo("manager");
        assertThat(place.at("/actor/name").asText()).isEqualTo("Ирина Соколова");
        assertThat(place.at("/actor/role").asText()).isEqualTo("RENTAL_MANAGER");
        assertThat(place.at("/actor/channel").asText()).isEqualTo("DESK");
        assertThat(place.at("/metadata/traceId").asText()).isEqualTo(TRACE);
        assertThat(place.at("/metadata/idempotencyKey").asText()).isEqualTo("audit-desk-1");
        assertThat(place.at("/metadata/correlationId").asText()).isEqualTo(placed.header("X-Correlation-Id")).isNotBlank();
        assertThat(place.at("/metadata/causationId").asText()).isNotBlank().isNotEqualTo(place.path("eventId").asText());
        assertThat(place.at("/metadata/hash").asText()).hasSize(64);

        JsonNode assign = events.get(1);
        assertThat(assign.path("type").asText()).isEqualTo("ExecutorAssigned");
        assertThat(assign.at("/metadata/correlationId").asText()).isEqualTo("desk-session-42");
        assertThat(assign.at("/metadata/traceId").asText()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE);
        assertThat(assign.at("/metadata/idempotencyKey").isMissingNode()).isTrue();
    }

    @Test
    void guestGatewayAndSagaEventsNameTheirChannelAndCause() {
        Api.Response placed = guest.header("Idempotency-Key", "audit-guest-1").post("/api/my/orders", orderBody(6, 4, "PARTIAL"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        Api.Response pay = guest.post("/api/my/orders/" + order + "/payment", null);
        assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
        assertThat(anonymous.post("/simulator/control/payments/" + pay.text("/paymentId") + "/succeed", null).status()).isEqualTo(200);
        eventually("confirmation", () -> guest.get("/api/my/orders/" + order), r -> "CONFIRMED".equals(r.text("/status")));

        JsonNode events = events(order);
        JsonNode place = ofType(events, "OrderPlaced");
        assertThat(place.at("/actor/id").asText()).isEqualTo("guest");
        assertThat(place.at("/actor/role").asText()).isEqualTo("GUEST");
        assertThat(place.at("/actor/channel").asText()).isEqualTo("GUEST_APP");
        assertThat(place.at("/metadata/idempotencyKey").asText()).isEqualTo("audit-guest-1");
        assertThat(ofType(events, "OnlinePaymentRequested").at("/actor/channel").asText()).isEqualTo("GUEST_APP");

        JsonNode created = ofType(events, "GatewayPaymentCreated");
        assertThat(created.at("/actor/channel").asText()).isEqualTo("SAGA");
        assertThat(created.at("/actor/role").asText()).isEqualTo("SYSTEM");
        assertThat(created.at("/metadata/cause").asText()).contains("Платёжный процесс").contains(pay.text("/paymentId"));
        // the saga acted on the guest's request: same correlation, caused by a message of that conversation
        assertThat(created.at("/metadata/correlationId").asText())
                .isEqualTo(ofType(events, "OnlinePaymentRequested").at("/metadata/correlationId").asText());

        JsonNode authorized = ofType(events, "GatewayPaymentAuthorized");
        assertThat(authorized.at("/actor/channel").asText()).isEqualTo("GATEWAY");
        assertThat(authorized.at("/metadata/cause").asText()).startsWith("Уведомление платёжного шлюза payment.waiting_for_capture")
                .contains(pay.text("/paymentId")).endsWith("подтвердил статус waiting_for_capture");
        assertThat(authorized.at("/metadata/correlationId").asText()).startsWith("notification:");
        // the capture is recorded by whoever hears of it first: the saga from the gateway's answer, or the notification
        JsonNode paid = ofType(events, "GatewayPaymentRecorded");
        assertThat(paid.at("/actor/channel").asText()).isIn("SAGA", "GATEWAY");
        assertThat(paid.at("/metadata/cause").asText()).contains(pay.text("/paymentId")).contains("succeeded");
        for (JsonNode event : events) {
            assertThat(event.at("/metadata/traceId").asText()).as(event.toString()).matches("[0-9a-f]{32}");
            assertThat(event.at("/metadata/causationId").asText()).as(event.toString()).isNotBlank();
            assertThat(event.at("/metadata/hash").asText()).as(event.toString()).hasSize(64);
        }
        assertThat(auditor.get("/api/audit/orders/" + order + "/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void historyByNumberAndItsExportsAreCompleteAndInOrder() {
        String order = placeDeskOrder(4);
        manager.post("/api/orders/" + order + "/payments", payment("100.00", "CASH"));
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"Гость просил чек; «кавычки», запятая\"}");
        String number = detail(order).text("/number");

        JsonNode byId = events(order);
        JsonNode byNumber = events(number);
        assertThat(byNumber).isEqualTo(byId);
        assertThat(byId.findValuesAsText("sequence")).containsExactly("0", "1", "2");

        Api.Response json = auditor.get("/api/audit/orders/" + number + "/events?format=json");
        assertThat(json.header("Content-Disposition")).contains("attachment").contains("order-" + number + "-events.json");
        assertThat(json.json()).isEqualTo(byId);

        Api.Response csv = auditor.get("/api/audit/orders/" + order + "/events?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFForderId,sequence,eventId,type,at,actorId,actorName,actorRole,channel,cause,");
        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(",0,").contains("OrderPlaced").contains("Ирина Соколова")
                .containsPattern(",\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+05:00\",");  // the demo's zone
        assertThat(lines.get(2)).contains(",1,").contains("ManagerPaymentRecorded");
        assertThat(lines.get(3)).contains(",2,").contains("MessagePosted").contains("«кавычки», запятая");

        assertThat(auditor.get("/api/audit/orders/" + order + "/events?format=xml").code()).isEqualTo("validation-failed");
        assertThat(auditor.get("/api/audit/orders/9999999/events").status()).isEqualTo(404);
        assertThat(auditor.get("/api/audit/orders/12345/events").status()).isEqualTo(404);
    }

    @Test
    void asOfEqualsTheLiveDetailThroughGatewayAndDeskPayments() throws Exception {
        Api.Response placed = guest.post("/api/my/orders", orderBody(7, 4, "PARTIAL"));
        String order = placed.text("/orderId");
        List<JsonNode> live = new ArrayList<>();
        live.add(detail(order).json());
        manager.put("/api/orders/" + order + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}");
        live.add(detail(order).json());
        Api.Response pay = guest.post("/api/my/orders/" + order + "/payment", null);
        anonymous.post("/simulator/control/payments/" + pay.text("/paymentId") + "/succeed", null);
        // the saga's work on the payment is done once its receipt is registered: nothing more of it lands between the steps
        eventually("gateway payment and its receipt", () -> detail(order),
                r -> "CONFIRMED".equals(r.text("/status")) && "SUCCEEDED".equals(r.text("/receipts/0/status")));
        live.add(detail(order).json());
        manager.post("/api/orders/" + order + "/payments", payment("100.00", "CASH"));
        live.add(detail(order).json());
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас\"}");
        live.add(detail(order).json());
        manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}");
        live.add(detail(order).json());
        // the saga refunds the online payment through the gateway; the desk refund comes after it
        eventually("gateway refund", () -> detail(order), r -> r.json().path("refunds").size() == 1);
        live.add(detail(order).json());
        manager.post("/api/orders/" + order + "/refunds", payment("100.00", "CASH"));
        live.add(detail(order).json());

        // after each step, the state at the time of that step's last event equals what the live detail showed
        JsonNode events = events(order);
        for (JsonNode step : live) {
            long version = step.path("version").asLong();
            String at = events.get((int) version).path("at").asText();
            Api.Response asOf = auditor.get("/api/audit/orders/" + order + "/state?at=" + URLEncoder.encode(at, StandardCharsets.UTF_8));
            assertThat(asOf.status()).isEqualTo(200);
            assertThat(asOf.json()).as("version " + version).isEqualTo(step);
        }
    }

    @Test
    void oneChangedByteInTheDatabaseIsFoundAtExactlyThatEvent() throws Exception {
        String payloadTampered = placeDeskOrder(4);
        manager.post("/api/orders/" + payloadTampered + "/payments", payment("150.00", "CASH"));
        manager.post("/api/orders/" + payloadTampered + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"после оплаты\"}");
        String metadataTampered = placeDeskOrder(4);
        manager.put("/api/orders/" + metadataTampered + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}");
        manager.post("/api/orders/" + metadataTampered + "/payments", payment("100.00", "CASH"));
        String intact = placeDeskOrder(2);
        for (String order : List.of(payloadTampered, metadataTampered, intact)) {
            JsonNode verdict = auditor.get("/api/audit/orders/" + order + "/verify").json();
            assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
        }

        // someone with database access makes the cash payment 1 kopeck larger, and renames who assigned the executor
        byte[] payloadBefore = changeOneByte(payloadTampered, 1, "payload", "150.00", "150.0", '0', '1');
        byte[] metadataBefore = changeOneByte(metadataTampered, 1, "meta_data", "Ирина", "", 'И', 'А');
        try {
            tamperedOrdersFailAtTheChangedEvent(payloadTampered, metadataTampered, intact);
        } finally {
            // the store is shared with the other tests (replays compare read models): put the originals back
            jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1", payloadBefore, payloadTampered);
            jdbc.update("update domain_event_entry set meta_data = ? where aggregate_identifier = ? and sequence_number = 1", metadataBefore, metadataTampered);
        }
        assertThat(auditor.get("/api/audit/orders/" + payloadTampered + "/verify").json().path("intact").asBoolean()).isTrue();
    }

    private void tamperedOrdersFailAtTheChangedEvent(String payloadTampered, String metadataTampered, String intact) {
        JsonNode payloadVerdict = auditor.get("/api/audit/orders/" + payloadTampered + "/verify").json();
        assertThat(payloadVerdict.path("intact").asBoolean()).isFalse();
        assertThat(payloadVerdict.at("/firstBadEvent/sequence").asLong()).isEqualTo(1);
        assertThat(payloadVerdict.at("/firstBadEvent/type").asText()).isEqualTo("ManagerPaymentRecorded");
        assertThat(payloadVerdict.at("/firstBadEvent/problem").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(payloadVerdict.path("verified").asLong()).isEqualTo(1);
        JsonNode metadataVerdict = auditor.get("/api/audit/orders/" + metadataTampered + "/verify").json();
        assertThat(metadataVerdict.path("intact").asBoolean()).isFalse();
        assertThat(metadataVerdict.at("/firstBadEvent/sequence").asLong()).isEqualTo(1);
        assertThat(metadataVerdict.at("/firstBadEvent/type").asText()).isEqualTo("ExecutorAssigned");
        assertThat(auditor.get("/api/audit/orders/" + intact + "/verify").json().path("intact").asBoolean()).isTrue();

        // the store-wide check finds both, names the same events, and is itself recorded
        Api.Response started = auditor.post("/api/audit/verification", null);
        assertThat(started.status()).isEqualTo(202);
        Api.Response done = eventually("store check", () -> auditor.get("/api/audit/verification"),
                r -> "DONE".equals(r.text("/state")));
        JsonNode summary = done.json();
        assertThat(summary.path("ordersBroken").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(summary.path("ordersChecked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(summary.path("percent").asInt()).isEqualTo(100);
        List<String> broken = new ArrayList<>();
        summary.path("broken").forEach(b -> broken.add(b.path("orderId").asText() + "@" + b.path("sequence").asLong()));
        assertThat(broken).contains(payloadTampered + "@1", metadataTampered + "@1").doesNotContain(intact + "@0");
        assertThat(auditor.get("/api/audit/actions").json().findValuesAsText("action")).contains("store-check-started");
        assertThat(manager.post("/api/audit/verification", null).status()).isEqualTo(403);
    }

    /** Replaces one byte (the char after {@code marker}'s first {@code skip.length()} chars) of a stored event's column; returns the original. */
    private byte[] changeOneByte(String order, long sequence, String column, String marker, String skip, char from, char to) {
        byte[] stored = jdbc.queryForObject("select " + column + " from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, order, sequence);
        String text = new String(stored, StandardCharsets.UTF_8);
        int index = text.indexOf(marker) + skip.length();
        assertThat(text.indexOf(marker)).as(column + " of event " + sequence + ": " + text).isNotNegative();
        assertThat(text.charAt(index)).isEqualTo(from);
        byte[] changed = (text.substring(0, index) + to + text.substring(index + 1)).getBytes(StandardCharsets.UTF_8);
        int differing = 0;
        for (int i = 0; i < stored.length; i++) {
            differing += stored[i] != changed[i] ? 1 : 0;
        }
        assertThat(changed).hasSameSizeAs(stored);
        assertThat(differing).isEqualTo(1);
        assertThat(jdbc.update("update domain_event_entry set " + column + " = ? where aggregate_identifier = ? and sequence_number = ?",
                changed, order, sequence)).isEqualTo(1);
        return stored;
    }

    @Test
    void auditorsChangeNothingAnywhereAndTheirReplaysAreRecorded() {
        String order = placeDeskOrder(3);
        Api.Response[] attempts = {
                auditor.post("/api/my/orders", orderBody(3, 4, "FULL")),
                auditor.post("/api/my/orders/" + order + "/messages", "{\"text\":\"x\"}"),
                auditor.post("/api/my/orders/" + order + "/cancellation", "{\"reason\":\"x\"}"),
                auditor.post("/api/my/orders/" + order + "/payment", null)};
        for (Api.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(403);
        }
        assertThat(events(order).size()).isEqualTo(1);

        Api.Response replay = auditor.post("/api/admin/projections/order-timeline/replay", null);
        assertThat(replay.status()).isEqualTo(202);
        eventually("replay", () -> auditor.get("/api/admin/projections/order-timeline"), r -> !r.json().path("replaying").asBoolean());
        JsonNode recorded = auditor.get("/api/audit/actions").json();
        JsonNode last = recorded.get(0);
        assertThat(last.path("action").asText()).isEqualTo("projection-replay-started");
        assertThat(last.path("subject").asText()).isEqualTo("order-timeline");
        assertThat(last.path("actorId").asText()).isEqualTo("auditor");
        assertThat(last.path("channel").asText()).isEqualTo("REPLAY");
        assertThat(last.path("traceId").asText()).matches("[0-9a-f]{32}");
    }
}
