package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The list's exports (issue 13): every order the filters select, as CSV and as XLSX, the same rows as the list. */
class ExportHttpTest extends HttpTestBase {
    /** Three desk orders (2, 3 and 4 hours) of one visitor nobody else has; the newest (4 hours) cancelled. Ids, newest first. */
    private List<String> threeOrdersOf(String visitor) {
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            Api.Response placed = manager.post("/api/orders", orderBody(4, 2 + i, "FULL").replace("Светлана Орлова", visitor));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            ids[2 - i] = placed.text("/orderId");
            clock.advance(java.time.Duration.ofSeconds(1)); // each order its own creation time, whether the clock runs or stands
        }
        assertThat(manager.post("/api/orders/" + ids[0] + "/cancellation", "{\"reason\":\"Передумали\"}").status()).isEqualTo(200);
        return List.of(ids);
    }

    @Test
    void csvHoldsEveryFilteredOrderInTheServicesZoneWithABom() {
        LocalDate today = clock.freezeToday(PERM); // one "today", far from midnight in Perm
        String visitor = "Выгрузкина " + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = threeOrdersOf(visitor);
        Api.Download csv = manager.download("/api/orders/export?format=csv&q=" + visitor.replace(" ", "%20"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.disposition()).startsWith("attachment").contains("orders-" + today + ".csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> lines = csvRows(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).containsExactly("Номер", "Создан", "Услуга", "Начало аренды", "Окончание аренды", "Посетитель",
                "Билет", "Статус", "Оплата", "Стоимость, ₽", "Остаток, ₽", "Исполнитель", "Срок исполнения");

        JsonNode newest = detail(ids.get(0)).json();
        String created = newest.path("createdAt").asText(); // the service's zone: 2026-12-01T01:29:00.123+05:00
        String day = today.plusDays(4).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(lines.get(1)).containsExactly(newest.path("number").asText(),
                created.substring(8, 10) + "." + created.substring(5, 7) + "." + created.substring(0, 4) + " " + created.substring(11, 16),
                "Коворкинг на 2 этаже", day + " 10:00", day + " 14:00", visitor, "301", "Отменен", "Не оплачен", "400.00", "0.00", "", day);
        assertThat(lines.subList(1, 4)).extracting(line -> line.get(0))
                .containsExactly(ids.stream().map(id -> detail(id).text("/number")).toArray(String[]::new));
    }

    /** RFC 4180 rows as their fields (quoting is the writer's business, not the test's). */
    private static List<List<String>> csvRows(String text) {
        try (com.fasterxml.jackson.databind.MappingIterator<List<String>> rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(List.class).readValues(text)) {
            return rows.readAll();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void xlsxHoldsTheSameRowsAsTheListWithNumbersAndTimesAsSuch() throws Exception {
        String visitor = "Таблицына " + UUID.randomUUID().toString().substring(0, 8);
        threeOrdersOf(visitor);
        String filter = "q=" + visitor.replace(" ", "%20") + "&status=CONFIRMED&sort=createdAt,asc";
        JsonNode list = manager.get("/api/orders?" + filter).json().path("items");
        assertThat(list).hasSize(2);

        Api.Download xlsx = manager.download("/api/orders/export?format=xlsx&" + filter);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Номер");
            assertThat(rows.get(0).getCellText(9)).isEqualTo("Стоимость, ₽");
            for (int i = 0; i < 2; i++) {
                Row row = rows.get(i + 1);
                JsonNode summary = list.get(i);
                assertThat(row.getCellText(0)).isEqualTo(summary.path("number").asText());
                assertThat(row.getCellText(5)).isEqualTo(visitor);
                assertThat(row.getCellText(7)).isEqualTo(summary.path("statusLabel").asText());
                assertThat(row.getCellText(8)).isEqualTo(summary.path("paymentStatusLabel").asText());
                assertThat(row.getCellAsNumber(9)).contains(new BigDecimal(summary.path("total").path("value").asText()));
                assertThat(row.getCellAsNumber(10)).contains(new BigDecimal(summary.path("remainder").path("value").asText()));
                assertThat(row.getCellAsDate(3)).contains(LocalDateTime.parse(summary.path("rentalPeriod").path("start").asText().substring(0, 16)));
                // the exact instant, shown to the minute
                assertThat(row.getCellAsDate(1).map(at -> at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)))
                        .contains(LocalDateTime.parse(summary.path("createdAt").asText().substring(0, 16)));
            }
            // oldest first, as asked: the 2-hour order, then the 3-hour one (the 4-hour one is cancelled)
            assertThat(rows.get(1).getCellAsNumber(9)).contains(new BigDecimal("200.00"));
            assertThat(rows.get(2).getCellAsNumber(9)).contains(new BigDecimal("300.00"));
        }
    }

    @Test
    void anUnknownFormatIsRefusedAndOnlyStaffAndAuditorsExport() {
        Api.Response refused = manager.get("/api/orders/export?format=pdf");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/field")).isEqualTo("format");
        assertThat(manager.get("/api/orders/export?format=csv&status=LOST").text("/field")).isEqualTo("status");
        assertThat(auditor.download("/api/orders/export?format=csv&q=1006313").status()).isEqualTo(200);
        assertThat(guest.download("/api/orders/export?format=csv").status()).isEqualTo(403);
        assertThat(anonymous.download("/api/orders/export?format=csv").status()).isEqualTo(401);
    }
}
