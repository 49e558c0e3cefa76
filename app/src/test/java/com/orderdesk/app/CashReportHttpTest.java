package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import com.orderdesk.app.support.TestClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily cash report (issue 13): every payment and refund of a service's day, by method and by person, with totals. */
class CashReportHttpTest extends HttpTestBase {
    private static final String TODAY = "/api/reports/cash?serviceId=coworking-2nd-floor";

    private static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.path("value").asText());
    }

    private static JsonNode sum(JsonNode sums, String key) {
        return StreamSupport.stream(sums.spliterator(), false).filter(s -> s.path("key").asText().equals(key)).findFirst()
                .orElseGet(() -> JSON.createObjectNode().put("payments", 0).put("refunds", 0)
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("paid", JSON.createObjectNode().put("value", "0.00"))
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("refunded", JSON.createObjectNode().put("value", "0.00"))
                        .set("net", JSON.createObjectNode().put("value", "0.00")));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void theDaysPaymentsAndRefundsAddUpByMethodByPersonAndInTotal() {
        LocalDate today = clock.freezeToday(PERM); // one "today", far from midnight in Perm
        JsonNode before = manager.get(TODAY).json();
        assertThat(before.path("date").asText()).isEqualTo(today.toString());
        assertThat(before.path("timeZone").asText()).isEqualTo("Asia/Yekaterinburg");

        // Ирина takes 150 ₽ cash and 250 ₽ by card; Пётр takes 100 ₽ cash on another order; 400 ₽ of a cancelled
        // order go back in cash, 60 ₽ of them now
        String first = placeDeskOrder(4);
        String second = placeDeskOrder(2);
        assertThat(manager.post("/api/orders/" + first + "/payments", payment("150.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager.post("/api/orders/" + first + "/payments", payment("250.00", "CARD_TERMINAL")).status()).isEqualTo(201);
        assertThat(service.post("/api/orders/" + second + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager.post("/api/orders/" + first + "/cancellation", "{\"reason\":\"Гость заболел\"}").status()).isEqualTo(200);
        assertThat(manager.post("/api/orders/" + first + "/refunds", payment("60.00", "CASH")).status()).isEqualTo(201);

        JsonNode after = manager.get(TODAY).json();
        JsonNode total = after.path("total");
        JsonNode totalBefore = before.path("total");
        assertThat(amount(total.path("paid")).subtract(amount(totalBefore.path("paid")))).isEqualByComparingTo("500.00");
        assertThat(amount(total.path("refunded")).subtract(amount(totalBefore.path("refunded")))).isEqualByComparingTo("60.00");
        assertThat(total.path("payments").asInt() - totalBefore.path("payments").asInt()).isEqualTo(3);
        assertThat(total.path("refunds").asInt() - totalBefore.path("refunds").asInt()).isEqualTo(1);

        JsonNode cashBefore = sum(before.path("byMethod"), "CASH");
        JsonNode cash = sum(after.path("byMethod"), "CASH");
        assertThat(amount(cash.path("paid")).subtract(amount(cashBefore.path("paid")))).isEqualByComparingTo("250.00");
        assertThat(amount(cash.path("net")).subtract(amount(cashBefore.path("net")))).isEqualByComparingTo("190.00");
        assertThat(cash.path("label").asText()).isEqualTo("наличные");
        JsonNode card = sum(after.path("byMethod"), "CARD_TERMINAL");
        assertThat(amount(card.path("paid")).subtract(amount(sum(before.path("byMethod"), "CARD_TERMINAL").path("paid"))))
                .isEqualByComparingTo("250.00");
        JsonNode petr = sum(after.path("byPerson"), "service");
        assertThat(amount(petr.path("paid")).subtract(amount(sum(before.path("byPerson"), "service").path("paid"))))
                .isEqualByComparingTo("100.00");
        assertThat(petr.path("label").asText()).isEqualTo("Пётр Иванов");

        // the lines: the day's own, in time order, and every total is the sum of its lines
        JsonNode lines = after.path("lines");
        List<JsonNode> mine = StreamSupport.stream(lines.spliterator(), false)
                .filter(l -> l.path("orderId").asText().equals(first)).toList();
        assertThat(mine).extracting(l -> l.path("kind").asText() + " " + l.path("method").asText() + " " + l.path("amount").path("value").asText()
                        + " " + l.path("byName").asText())
                .containsExactly("PAYMENT CASH 150.00 Ирина Соколова", "PAYMENT CARD_TERMINAL 250.00 Ирина Соколова",
                        "REFUND CASH 60.00 Ирина Соколова");
        assertThat(java.time.OffsetDateTime.parse(mine.get(0).path("at").asText()))
                .isEqualTo(today.atTime(TestClock.TIME_OF_DAY).atZone(PERM).toOffsetDateTime());
        assertThat(mine.get(0).path("at").asText()).endsWith("+05:00");
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            if (line.path("kind").asText().equals("PAYMENT")) {
                paid = paid.add(amount(line.path("amount")));
            } else {
                refunded = refunded.add(amount(line.path("amount")));
            }
        }
        assertThat(amount(total.path("paid"))).isEqualByComparingTo(paid);
        assertThat(amount(total.path("refunded"))).isEqualByComparingTo(refunded);
        assertThat(amount(total.path("net"))).isEqualByComparingTo(paid.subtract(refunded));
    }

    @Test
    void aPastDayHoldsWhatWasPaidOnItInTheServicesZone() {
        // the seed: 400 ₽ through the gateway on 11 August 2023 at 13:32 in Perm
        JsonNode day = manager.get(TODAY + "&date=2023-08-11").json();
        assertThat(day.path("lines")).hasSize(1);
        JsonNode line = day.path("lines").get(0);
        assertThat(line.path("orderNumber").asText()).isEqualTo("1006313");
        assertThat(line.path("at").asText()).isEqualTo("2023-08-11T13:32:00+05:00");
        assertThat(line.path("source").asText()).isEqualTo("GATEWAY");
        assertThat(line.path("byName").asText()).isEqualTo("Платёжный шлюз");
        assertThat(day.path("total").path("net").path("value").asText()).isEqualTo("400.00");
        assertThat(manager.get(TODAY + "&date=2023-08-10").json().path("lines")).isEmpty();
    }

    @Test
    void theXlsxHoldsTheDaysLinesAndTotals() throws Exception {
        Api.Download xlsx = manager.download(TODAY + "&date=2023-08-11&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.disposition()).contains("cash-coworking-2nd-floor-2023-08-11.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Кассовый отчёт: Коворкинг на 2 этаже, 11.08.2023 (Asia/Yekaterinburg)");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Время");
            Row line = rows.get(2);
            assertThat(line.getCellText(1)).isEqualTo("1006313");
            assertThat(line.getCellText(2)).isEqualTo("Оплата");
            assertThat(line.getCellText(4)).isEqualTo("Платёжный шлюз");
            assertThat(line.getCellAsNumber(5)).contains(new BigDecimal("400.00"));
            Row total = rows.stream().filter(r -> "Итого".equals(r.getCellText(0))).reduce((a, b) -> b).orElseThrow();
            assertThat(total.getCellAsNumber(5)).contains(new BigDecimal("400.00"));
        }
    }

    @Test
    void badInputIsRefusedAndGuestsSeeNoCash() {
        assertThat(manager.get("/api/reports/cash").text("/field")).isEqualTo("serviceId");
        assertThat(manager.get(TODAY + "&date=11.08.2023").text("/field")).isEqualTo("date");
        assertThat(manager.get(TODAY + "&format=pdf").text("/field")).isEqualTo("format");
        assertThat(auditor.get(TODAY).status()).isEqualTo(200);
        assertThat(guest.get(TODAY).status()).isEqualTo(403);
    }
}
