package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responsible managers (issue 13, the seed's «менеджеров по аренде, ответственных в данной услуге»): the demo's
 * {@code manager} and {@code service} handle «Коворкинг на 2 этаже», {@code manager2} «Переговорная на 3 этаже».
 * A manager meets another service's order nowhere (404 as for an order that does not exist, in lists, details, live
 * updates, exports, reports and commands alike); auditors see everything.
 */
class ResponsibleManagersHttpTest extends HttpTestBase {
    private static final String MEETING_ROOM = "meeting-room-3rd-floor";
    private static final String NOBODYS_ORDER = "00000000-0000-4000-8000-000000000000";
    private Api manager2;
    private String coworkingOrder;
    private String coworkingNumber;
    private String meetingOrder;
    private String meetingNumber;

    @BeforeEach
    void twoServicesOrders() {
        manager2 = anonymous.as("manager2");
        coworkingOrder = placeDeskOrder(4);
        coworkingNumber = manager.get("/api/orders/" + coworkingOrder).text("/number");
        Api.Response placed = manager2.post("/api/orders",
                com.orderdesk.app.support.OrderBodies.meetingRoom(com.orderdesk.app.support.OrderBodies.meetingRoomDay(today()), 10, 12, null));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        meetingOrder = placed.text("/orderId");
        meetingNumber = placed.text("/number");
    }

    private static List<String> numbers(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        list.json().path("items").forEach(item -> numbers.add(item.path("number").asText()));
        return numbers;
    }

    /** Not found, exactly as an order that does not exist: nothing tells that it does. */
    private void notFound(Api.Response response, Api.Response asForNobodysOrder) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not-found");
        assertThat(response.text("/detail")).isEqualTo(asForNobodysOrder.text("/detail"));
    }

    @Test
    void aManagerReadsNoOrderOfAnotherServiceAnywhere() {
        for (String path : List.of("", "/timeline", "/updates")) {
            notFound(manager2.get("/api/orders/" + coworkingOrder + path), manager2.get("/api/orders/" + NOBODYS_ORDER + path));
            notFound(manager.get("/api/orders/" + meetingOrder + path), manager.get("/api/orders/" + NOBODYS_ORDER + path));
        }
        notFound(manager2.get("/api/orders/by-number/" + coworkingNumber), manager2.get("/api/orders/by-number/9999999"));
        notFound(manager.get("/api/orders/by-number/" + meetingNumber), manager.get("/api/orders/by-number/9999999"));

        // lists and searches: not even asked for by service, number, or visitor
        assertThat(numbers(manager2.get("/api/orders?size=100"))).contains(meetingNumber).doesNotContain(coworkingNumber);
        assertThat(numbers(manager2.get("/api/orders?q=" + coworkingNumber))).isEmpty();
        assertThat(numbers(manager2.get("/api/orders?serviceId=coworking-2nd-floor"))).isEmpty();
        assertThat(manager2.get("/api/orders?serviceId=coworking-2nd-floor").json().path("total").asInt()).isZero();
        assertThat(numbers(manager.get("/api/orders?size=100"))).contains(coworkingNumber).doesNotContain(meetingNumber);
        assertThat(numbers(service.get("/api/orders?q=" + meetingNumber))).isEmpty();

        // exports
        String export = new String(manager2.download("/api/orders/export?format=csv").body(), StandardCharsets.UTF_8);
        assertThat(export).contains(meetingNumber).doesNotContain(coworkingNumber);
        assertThat(new String(manager.download("/api/orders/export?format=csv").body(), StandardCharsets.UTF_8))
                .contains(coworkingNumber).doesNotContain(meetingNumber);

        // the daily cash report of another service
        Api.Response report = manager2.get("/api/reports/cash?serviceId=coworking-2nd-floor");
        assertThat(report.status()).as(report.toString()).isEqualTo(404);
        assertThat(report.code()).isEqualTo("not-found");
        assertThat(manager2.download("/api/reports/cash?serviceId=coworking-2nd-floor&format=xlsx").status()).isEqualTo(404);
        assertThat(manager2.get("/api/reports/cash?serviceId=" + MEETING_ROOM).status()).isEqualTo(200);

        // auditors see every service's orders
        assertThat(auditor.get("/api/orders/" + coworkingOrder).status()).isEqualTo(200);
        assertThat(auditor.get("/api/orders/" + meetingOrder + "/timeline").status()).isEqualTo(200);
        assertThat(numbers(auditor.get("/api/orders?size=100"))).contains(coworkingNumber, meetingNumber);
        assertThat(auditor.get("/api/reports/cash?serviceId=" + MEETING_ROOM).status()).isEqualTo(200);
    }

    @Test
    void aManagerChangesNoOrderOfAnotherServiceAndNothingChanges() {
        long version = manager.get("/api/orders/" + coworkingOrder).json().path("version").asLong();
        Map<String, Api.Response> attempts = Map.of(
                "payment", manager2.post("/api/orders/" + coworkingOrder + "/payments", payment("100.00", "CASH")),
                "executor", manager2.put("/api/orders/" + coworkingOrder + "/executor", "{\"executorId\":\"manager2\",\"executorName\":\"Анна Кузнецова\"}"),
                "unassign", manager2.delete("/api/orders/" + coworkingOrder + "/executor"),
                "message", manager2.post("/api/orders/" + coworkingOrder + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"Моё\"}"),
                "cancellation", manager2.post("/api/orders/" + coworkingOrder + "/cancellation", "{\"reason\":\"Не моё\"}"),
                "completion", manager2.post("/api/orders/" + coworkingOrder + "/completion", null),
                "refund", manager2.post("/api/orders/" + coworkingOrder + "/refunds", payment("10.00", "CASH")));
        Api.Response nobodys = manager2.post("/api/orders/" + NOBODYS_ORDER + "/payments", payment("100.00", "CASH"));
        attempts.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response).isEqualTo(404);
            assertThat(response.code()).as(what).isEqualTo("not-found");
            assertThat(response.text("/detail")).as(what).isEqualTo(nobodys.text("/detail"));
        });
        JsonNode after = manager.get("/api/orders/" + coworkingOrder).json();
        assertThat(after.path("version").asLong()).isEqualTo(version);
        assertThat(after.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(after.path("paid").path("value").asText()).isEqualTo("0.00");

        // nor places one of it: to them the service does not exist
        Api.Response placed = manager2.post("/api/orders", orderBody(3, 2, "FULL"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(400);
        assertThat(placed.code()).isEqualTo("validation-failed");
        assertThat(placed.text("/field")).isEqualTo("serviceId");
    }

    @Test
    void internalMessagesReachTheServicesManagersAndAuditorsOnly() {
        assertThat(manager.post("/api/orders/" + coworkingOrder + "/messages",
                "{\"visibility\":\"INTERNAL\",\"text\":\"Ключ от шкафчика у охраны\"}").status()).isEqualTo(201);
        assertThat(service.get("/api/orders/" + coworkingOrder + "/timeline").body()).contains("Ключ от шкафчика у охраны");
        assertThat(auditor.get("/api/orders/" + coworkingOrder + "/timeline").body()).contains("Ключ от шкафчика у охраны");
        assertThat(manager2.get("/api/orders/" + coworkingOrder + "/timeline").body()).doesNotContain("Ключ");
    }

    @Test
    void theCatalogShowsAManagerTheirServicesWithTheStaffOrdersMayBeAssignedTo() {
        JsonNode mine = manager.get("/api/catalog/services").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("id").asText()).isEqualTo("coworking-2nd-floor");
        assertThat(mine.get(0).path("staff").toString()).isEqualTo(
                "[{\"id\":\"manager\",\"name\":\"Ирина Соколова\"},{\"id\":\"service\",\"name\":\"Пётр Иванов\"}]");
        JsonNode theirs = manager2.get("/api/catalog/services").json();
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).path("id").asText()).isEqualTo(MEETING_ROOM);

        // guests book any service and see nobody of the staff; auditors see it all
        JsonNode forGuests = guest.get("/api/catalog/services").json();
        assertThat(forGuests).hasSize(2);
        forGuests.forEach(s -> assertThat(s.path("staff")).isEmpty());
        assertThat(auditor.get("/api/catalog/services").json()).hasSize(2);

        // another service's price is as unknown to a manager as a service that does not exist
        String day = today().plusDays(3).toString();
        Api.Response quote = manager2.get("/api/catalog/services/coworking-2nd-floor/quote?tariffId=standard&date=" + day + "&from=10:00&to=12:00");
        assertThat(quote.status()).as(quote.toString()).isEqualTo(400);
        assertThat(quote.code()).isEqualTo("validation-failed");
        assertThat(guest.get("/api/catalog/services/" + MEETING_ROOM + "/quote?tariffId=standard&date=" + day + "&from=10:00&to=12:00")
                .json().path("total").path("value").asText()).isEqualTo("1000.00");
    }

    @Test
    void theExecutorIsOneOfTheServicesStaffAsTheCatalogNamesThem() {
        Api.Response stranger = manager.put("/api/orders/" + coworkingOrder + "/executor",
                "{\"executorId\":\"manager2\",\"executorName\":\"Анна Кузнецова\"}");
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(400);
        assertThat(stranger.code()).isEqualTo("validation-failed");
        assertThat(stranger.text("/field")).isEqualTo("executorId");
        assertThat(manager.get("/api/orders/" + coworkingOrder).json().path("executor").isNull()).isTrue();

        assertThat(manager.put("/api/orders/" + coworkingOrder + "/executor", "{\"executorId\":\"service\"}").status()).isEqualTo(200);
        assertThat(manager.get("/api/orders/" + coworkingOrder).json().path("executor").path("name").asText()).isEqualTo("Пётр Иванов");
    }
}
