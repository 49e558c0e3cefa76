package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff query endpoints of API.md over HTTP: list with every filter, detail, by number, timeline. */
class OrderQueryHttpTest extends HttpTestBase {

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<String> numbers(Api.Response page) {
        List<String> numbers = new ArrayList<>();
        page.json().path("items").forEach(item -> numbers.add(item.path("number").asText()));
        return numbers;
    }

    private String placeFor(String visitor, String phone, int daysAhead, int hours) {
        String body = orderBody(daysAhead, hours, "PARTIAL").replace("Светлана Орлова", visitor).replace("+7 912 555-12-34", phone);
        Api.Response placed = manager.post("/api/orders", body);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.text("/number");
    }

    @Test
    void listFiltersSearchesSortsAndPages() {
        String unique = "Зинаида" + System.nanoTime() % 100000;
        String a = placeFor(unique + " Петрова", "+7 901 000-00-01", 10, 2);
        String b = placeFor(unique + " Сидорова", "+7 901 000-00-02", 11, 5);
        String orderB = manager.get("/api/orders/by-number/" + b).text("/orderId");
        assertThat(manager.post("/api/orders/" + orderB + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager.put("/api/orders/" + orderB + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}").status())
                .isEqualTo(200);

        Api.Response byName = manager.get("/api/orders?q=" + enc(unique.toLowerCase()));
        assertThat(byName.status()).isEqualTo(200);
        assertThat(numbers(byName)).containsExactlyInAnyOrder(a, b);
        assertThat(byName.json().path("total").asLong()).isEqualTo(2);
        JsonNode first = byName.json().at("/items/0");
        for (String field : List.of("orderId", "number", "createdAt", "serviceName", "status", "statusLabel", "paymentStatus",
                "visitorName", "executorName", "total", "remainder", "dueDate")) {
            assertThat(first.has(field)).as(field).isTrue();
        }

        String q = "&q=" + enc(unique);
        assertThat(numbers(manager.get("/api/orders?paymentStatus=PARTIALLY_PAID" + q))).containsExactly(b);
        assertThat(numbers(manager.get("/api/orders?paymentStatus=UNPAID" + q))).containsExactly(a);
        assertThat(numbers(manager.get("/api/orders?status=CONFIRMED" + q))).containsExactlyInAnyOrder(a, b);
        assertThat(numbers(manager.get("/api/orders?status=CANCELLED" + q))).isEmpty();
        assertThat(numbers(manager.get("/api/orders?executorId=service" + q))).containsExactly(b);
        assertThat(numbers(manager.get("/api/orders?executorId=none" + q))).containsExactly(a);
        assertThat(numbers(manager.get("/api/orders?serviceId=coworking-2nd-floor" + q))).hasSize(2);
        assertThat(numbers(manager.get("/api/orders?serviceId=sauna" + q))).isEmpty();
        assertThat(numbers(manager.get("/api/orders?q=" + enc("+7 (901) 000-00-02")))).containsExactly(b);
        assertThat(numbers(manager.get("/api/orders?q=" + b))).containsExactly(b);

        assertThat(numbers(manager.get("/api/orders?sort=total,asc" + q))).containsExactly(a, b);
        assertThat(numbers(manager.get("/api/orders?sort=total,desc" + q))).containsExactly(b, a);
        assertThat(numbers(manager.get("/api/orders?sort=dueDate,asc" + q))).containsExactly(a, b);
        assertThat(numbers(manager.get("/api/orders?sort=number,desc" + q))).containsExactly(b, a);
        Api.Response secondPage = manager.get("/api/orders?sort=number,asc&page=1&size=1" + q);
        assertThat(numbers(secondPage)).containsExactly(b);
        assertThat(secondPage.json().path("total").asLong()).isEqualTo(2);
        assertThat(secondPage.json().path("page").asInt()).isEqualTo(1);
        assertThat(secondPage.json().path("size").asInt()).isEqualTo(1);

        assertThat(numbers(manager.get("/api/orders?createdFrom=2000-01-01&createdTo=2999-01-01" + q))).hasSize(2);
        assertThat(numbers(manager.get("/api/orders?createdTo=2000-01-01" + q))).isEmpty();
        assertThat(numbers(manager.get("/api/orders?createdFrom=" + enc("2999-01-01T00:00+05:00") + q))).isEmpty();
    }

    @Test
    void badListParametersAre400() {
        for (String query : List.of("status=LOST", "paymentStatus=x", "sort=visitorName", "sort=total,sideways", "size=0",
                "size=1000", "page=-1", "createdFrom=yesterday", "createdFrom=2030-01-02&createdTo=2030-01-01",
                "q=" + "x".repeat(101), "page=abc")) {
            Api.Response answer = manager.get("/api/orders?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.code()).as(query).isEqualTo("validation-failed");
        }
    }

    @Test
    void detailByIdAndByNumberAndTheTimeline() {
        Api.Response seed = manager.get("/api/orders/by-number/1006313");
        assertThat(seed.status()).isEqualTo(200);
        assertThat(seed.header("ETag")).isEqualTo("\"" + seed.text("/version") + "\"");
        assertThat(seed.text("/ticket/number")).isEqualTo("207");
        assertThat(manager.get("/api/orders/by-number/9999999").status()).isEqualTo(404);
        assertThat(manager.get("/api/orders/by-number/12").status()).isEqualTo(404);

        Api.Response timeline = manager.get("/api/orders/" + seed.text("/orderId") + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        JsonNode gateway = timeline.json().get(1);
        assertThat(gateway.path("kind").asText()).isEqualTo("SYSTEM");
        assertThat(gateway.path("text").asText()).isEqualTo("Поступила оплата через платёжный шлюз.");
        assertThat(gateway.path("at").asText()).isEqualTo("2023-08-11T13:32:00+05:00");
        assertThat(gateway.path("author").isNull()).isTrue();
        assertThat(manager.get("/api/orders/00000000-0000-4000-8000-000000000000/timeline").status()).isEqualTo(404);
    }

    @Test
    void timelineTellsWhoDidWhatInRussian() {
        String order = placeDeskOrder(4);
        manager.post("/api/orders/" + order + "/payments", payment("250.00", "CASH"));
        manager.put("/api/orders/" + order + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}");
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"Проверить оплату\"}");
        manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}");
        List<String> texts = new ArrayList<>();
        manager.get("/api/orders/" + order + "/timeline").json().forEach(entry -> texts.add(entry.path("text").asText()));
        assertThat(texts).contains("Проведена оплата 250,00\u00a0₽ (наличные).",
                "Исполнитель изменён: не назначен → Пётр Иванов.", "Проверить оплату",
                "Заказ отменён: Гость передумал. К возврату гостю: 250,00\u00a0₽.");
    }

    @Test
    void aClientSeesItsWriteInTheVeryNextRead() {
        String order = placeDeskOrder(8);
        for (int i = 1; i <= 10; i++) {
            Api.Response paid = manager.post("/api/orders/" + order + "/payments", payment("10.00", "CASH"));
            assertThat(paid.status()).isEqualTo(201);
            Api.Response detail = detail(order);
            assertThat(detail.text("/version")).isEqualTo(String.valueOf(i));
            assertThat(detail.json().at("/payments").size()).isEqualTo(i);
            assertThat(manager.get("/api/orders/" + order + "/timeline").json().size()).isEqualTo(i + 1);
            Api.Response row = manager.get("/api/orders?q=" + detail.text("/number"));
            assertThat(row.text("/items/0/remainder/value")).isEqualTo(String.format("%d.00", 800 - 10 * i));
        }
    }

    @Test
    void auditorsReadListsDetailsAndInternalMessages() {
        String order = placeDeskOrder(2);
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"Только для своих\"}");
        assertThat(auditor.get("/api/orders").status()).isEqualTo(200);
        assertThat(auditor.get("/api/orders/" + order + "/timeline").body()).contains("Только для своих");
    }
}
