package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.space.SpaceCatchUp;
import com.orderdesk.app.support.OrderBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff see of the space (issue 27): the day board, and the orders placed before places were tracked — filled by
 * the catch-up, those beyond the capacity listed in «Пересечения» until someone moves or cancels them.
 */
class SpaceBoardHttpTest extends HttpTestBase {
    @Autowired
    SpaceCatchUp catchUp;

    private Api manager2() {
        return anonymous.as("manager2");
    }

    /** The board's hour starting at {@code hour} o'clock of the meeting room on {@code day}. */
    private JsonNode boardHour(Api who, LocalDate day, int hour) {
        Api.Response board = who.get("/api/space/board?date=" + day + "&serviceId=meeting-room-3rd-floor");
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        for (JsonNode slot : board.json().at("/services/0/hours")) {
            if (slot.path("start").asText().startsWith(day + "T%02d:00".formatted(hour))) {
                return slot;
            }
        }
        throw new AssertionError("no hour " + hour + " on the board: " + board);
    }

    @Test
    void theDayBoardShowsEachOpenHourWithItsOrdersToTheServicesStaffOnly() {
        LocalDate day = OrderBodies.meetingRoomDay(today());
        Api.Response placed = manager2().post("/api/orders", OrderBodies.meetingRoom(day, 10, 12, null));
        assertThat(placed.status()).isEqualTo(201);

        Api.Response board = manager2().get("/api/space/board?date=" + day);
        assertThat(board.json().at("/services").size()).as("manager2 is responsible for the meeting room only").isEqualTo(1);
        assertThat(board.text("/services/0/serviceName")).isEqualTo("Переговорная на 3 этаже");
        assertThat(board.text("/services/0/openingHours")).isEqualTo("09:00–21:00");
        assertThat(board.json().at("/services/0/hours").size()).isEqualTo(12);
        JsonNode ten = boardHour(manager2(), day, 10);
        assertThat(ten.path("occupied").asInt()).isEqualTo(1);
        assertThat(ten.path("capacity").asInt()).isEqualTo(1);
        assertThat(ten.at("/orders/0/number").asText()).isEqualTo(placed.text("/number"));
        assertThat(ten.at("/orders/0/visitorName").asText()).isEqualTo("Светлана Орлова");
        assertThat(boardHour(manager2(), day, 12).path("occupied").asInt()).isZero();

        assertThat(manager.get("/api/space/board?date=" + day + "&serviceId=meeting-room-3rd-floor").status())
                .as("not manager's service").isEqualTo(404);
        assertThat(guest.get("/api/space/board?date=" + day).status()).as("it names guests: staff only").isEqualTo(403);
        assertThat(manager2().get("/api/space/board?date=someday").status()).isEqualTo(400);
        assertThat(manager2().get("/api/space/board?date=%2B999999999-12-31").status()).as("a date out of range").isEqualTo(400);
        assertThat(auditor.get("/api/space/board?date=" + day).json().at("/services").size()).as("auditors see all").isEqualTo(2);
    }

    @Test
    void ordersPlacedBeforePlacesWereTrackedAreHeldAtStartUpAndOverlapsAreListedNotRefused() {
        LocalDate day = OrderBodies.meetingRoomDay(today());
        // two bookings of the same hour, as an earlier version sold them: each placed while the other held nothing
        String first = manager2().post("/api/orders", OrderBodies.meetingRoom(day, 10, 12, null)).text("/orderId");
        jdbc.update("delete from space_hold where order_id = ?", first);
        Api.Response secondPlaced = manager2().post("/api/orders", OrderBodies.meetingRoom(day, 11, 13, null));
        assertThat(secondPlaced.status()).as(secondPlaced.toString()).isEqualTo(201);
        String second = secondPlaced.text("/orderId");
        jdbc.update("delete from space_hold where order_id = ?", second);
        String cancelled = manager2().post("/api/orders", OrderBodies.meetingRoom(day, 15, 16, null)).text("/orderId");
        assertThat(manager2().post("/api/orders/" + cancelled + "/cancellation", "{\"reason\":\"Не придёт\"}").status()).isEqualTo(200);
        assertThat(boardHour(manager2(), day, 11).path("occupied").asInt()).as("nothing held before the catch-up").isZero();

        assertThat(catchUp.catchUp()).as("the two live orders (the cancelled one holds nothing)").isGreaterThanOrEqualTo(2);
        assertThat(catchUp.catchUp()).as("run again (another node starting): nothing left to fill").isZero();
        assertThat(boardHour(manager2(), day, 10).path("occupied").asInt()).isEqualTo(1);
        JsonNode eleven = boardHour(manager2(), day, 11);
        assertThat(eleven.path("occupied").asInt()).as("both kept: one beyond the capacity").isEqualTo(2);
        assertThat(boardHour(manager2(), day, 15).path("occupied").asInt()).isZero();

        Api.Response overlaps = manager2().get("/api/space/overbooked");
        assertThat(overlaps.status()).isEqualTo(200);
        assertThat(overlaps.json().size()).isEqualTo(1);
        assertThat(overlaps.text("/0/start")).isEqualTo(day + "T11:00:00+05:00");
        assertThat(overlaps.json().at("/0/held").asInt()).isEqualTo(2);
        assertThat(overlaps.json().at("/0/capacity").asInt()).isEqualTo(1);
        assertThat(overlaps.json().at("/0/orders").findValuesAsText("orderId")).containsExactlyInAnyOrder(first, second);
        assertThat(manager.get("/api/space/overbooked").json().size()).as("not the coworking's").isZero();

        // new bookings still see the hour as full; moving the second order away resolves the overlap
        assertThat(guest.post("/api/my/orders", OrderBodies.meetingRoom(day, 11, 12, null)).status()).isEqualTo(409);
        Api.Response moved = manager2().post("/api/orders/" + second + "/rescheduling", "{\"rentalPeriod\":{\"start\":\""
                + day.atTime(12, 0).atZone(PERM).toOffsetDateTime() + "\",\"end\":\"" + day.atTime(14, 0).atZone(PERM).toOffsetDateTime() + "\"}}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(manager2().get("/api/space/overbooked").json().size()).isZero();
        assertThat(boardHour(manager2(), day, 11).path("occupied").asInt()).isEqualTo(1);
    }
}
