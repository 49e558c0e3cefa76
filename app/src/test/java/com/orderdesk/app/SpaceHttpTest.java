package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.OrderBodies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Space sold once, over HTTP (issue 27): the meeting room (one place, Mon–Fri 09:00–21:00) sold once an hour, the
 * refusal a client gets, what availability shows before and after, and a cancellation giving the hour back.
 */
class SpaceHttpTest extends HttpTestBase {
    private static final String ROOM = "meeting-room-3rd-floor";

    private Api.Response availability(Api who, LocalDate from, LocalDate to) {
        return who.get("/api/catalog/services/" + ROOM + "/availability?from=" + from + "&to=" + to);
    }

    /** The free places of each slot of {@code day}, "HH:mm=free". */
    private List<String> free(Api who, LocalDate day) {
        Api.Response answer = availability(who, day, day);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> free = new ArrayList<>();
        for (JsonNode slot : answer.json().at("/slots")) {
            free.add(slot.path("start").asText().substring(11, 16) + "=" + slot.path("free").asInt());
        }
        return free;
    }

    @Test
    void twoGuestsCannotBookTheMeetingRoomsSameHourAndACancellationGivesItBack() {
        LocalDate day = OrderBodies.meetingRoomDay(today());
        assertThat(free(guest, day)).as("twelve open hours, each with its one place").hasSize(12)
                .startsWith("09:00=1").endsWith("20:00=1");

        long guest2Orders = guest2.get("/api/my/orders").json().at("/total").asLong();
        Api.Response first = guest.post("/api/my/orders", OrderBodies.meetingRoom(day, 10, 12, null));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response second = guest2.post("/api/my/orders", OrderBodies.meetingRoom(day, 11, 13, null));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.text("/code")).isEqualTo("no-capacity");
        assertThat(second.text("/field")).isEqualTo("rentalPeriod");
        assertThat(second.text("/detail")).isEqualTo("«Переговорная на 3 этаже»: на "
                + day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " 11:00–12:00 (время местное) свободных мест нет. Выберите другое время.");
        assertThat(second.json().at("/conflicts").size()).isEqualTo(1);
        assertThat(second.text("/conflicts/0/start")).isEqualTo(day + "T11:00:00+05:00");
        assertThat(second.text("/conflicts/0/end")).isEqualTo(day + "T12:00:00+05:00");
        assertThat(guest2.get("/api/my/orders").json().at("/total").asLong()).as("the refused booking left nothing").isEqualTo(guest2Orders);

        assertThat(free(guest2, day)).as("the guest's hold shows to anyone, naming no one")
                .contains("09:00=1", "10:00=0", "11:00=0", "12:00=1");
        Api.Response afterIt = guest2.post("/api/my/orders", OrderBodies.meetingRoom(day, 12, 13, null));
        assertThat(afterIt.status()).as("the hour the first one ends in is free: " + afterIt).isEqualTo(201);

        Api.Response cancelled = guest.post("/api/my/orders/" + first.text("/orderId") + "/cancellation", "{\"reason\":\"Планы изменились\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(free(anonymous.as("manager2"), day)).as("cancelled: its places are free at once").contains("10:00=1", "11:00=1", "12:00=0");
        Api.Response again = guest2.post("/api/my/orders", OrderBodies.meetingRoom(day, 11, 12, null));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void hoursOutsideOpeningHoursAreRefusedAndAvailabilityShowsOnlyOpenHours() {
        LocalDate day = OrderBodies.meetingRoomDay(today());
        Api.Response late = guest.post("/api/my/orders", OrderBodies.meetingRoom(day, 20, 22, null));
        assertThat(late.status()).as(late.toString()).isEqualTo(400);
        assertThat(late.text("/field")).isEqualTo("rentalPeriod");
        assertThat(late.text("/detail")).contains("в эти часы не работает").contains("21:00").contains("09:00–21:00");

        LocalDate saturday = day.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
        Api.Response weekend = availability(guest, saturday, saturday.plusDays(2));
        assertThat(weekend.status()).isEqualTo(200);
        assertThat(weekend.json().at("/capacity").asInt()).isEqualTo(1);
        assertThat(weekend.text("/timeZone")).isEqualTo("Asia/Yekaterinburg");
        assertThat(weekend.json().at("/slots").size()).as("Saturday and Sunday closed, Monday's twelve hours").isEqualTo(12);
        assertThat(weekend.text("/slots/0/start")).isEqualTo(saturday.plusDays(2) + "T09:00:00+05:00");
        assertThat(weekend.text("/slots/0/end")).isEqualTo(saturday.plusDays(2) + "T10:00:00+05:00");

        Api.Response coworking = manager.get("/api/catalog/services/coworking-2nd-floor/availability?from=" + day + "&to=" + day);
        assertThat(coworking.json().at("/slots").size()).as("08:00–22:00").isEqualTo(14);

        Api.Response tooLong = availability(guest, day, day.plusDays(62));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("/field")).isEqualTo("to");
        assertThat(availability(guest, day, day.plusDays(61)).status()).as("62 days, both ends included").isEqualTo(200);
        assertThat(availability(guest, day, day.minusDays(1)).status()).isEqualTo(400);
        assertThat(guest.get("/api/catalog/services/" + ROOM + "/availability?from=tomorrow&to=" + day).text("/field")).isEqualTo("from");
        for (String absurd : List.of("%2B999999999-12-31", "-999999999-01-01", "1899-12-31")) {
            Api.Response far = guest.get("/api/catalog/services/" + ROOM + "/availability?from=" + absurd + "&to=" + absurd);
            assertThat(far.status()).as(absurd + ": " + far).isEqualTo(400);
        }
        assertThat(guest.get("/api/catalog/services/sauna/availability?from=" + day + "&to=" + day).status()).isEqualTo(404);
        assertThat(manager.get("/api/catalog/services/" + ROOM + "/availability?from=" + day + "&to=" + day).status())
                .as("staff see the services they are responsible for").isEqualTo(404);
    }

    private static String period(LocalDate day, int from, int to) {
        return "{\"rentalPeriod\":{\"start\":\"" + day.atTime(from, 0).atZone(PERM).toOffsetDateTime() + "\",\"end\":\""
                + day.atTime(to, 0).atZone(PERM).toOffsetDateTime() + "\"}}";
    }

    @Test
    void aManagerMovesAnOrderToFreeHoursAtItsNewPriceAndAFullHourRefusesTheMoveChangingNothing() {
        Api manager2 = anonymous.as("manager2");
        LocalDate day = OrderBodies.meetingRoomDay(today());
        Api.Response first = manager2.post("/api/orders", OrderBodies.meetingRoom(day, 10, 12, null));
        Api.Response second = manager2.post("/api/orders", OrderBodies.meetingRoom(day, 14, 15, null));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        String order = first.text("/orderId");
        assertThat(manager2.post("/api/orders/" + order + "/payments", payment("1000.00", "CASH")).status()).isEqualTo(201);
        long version = manager2.get("/api/orders/" + order).json().path("version").asLong();

        Api.Response clash = manager2.post("/api/orders/" + order + "/rescheduling",
                period(day, 13, 15).replace("}}", "},\"reason\":\"Гость задерживается\"}"));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.text("/code")).isEqualTo("no-capacity");
        assertThat(clash.text("/conflicts/0/start")).isEqualTo(day + "T14:00:00+05:00");
        Api.Response unchanged = manager2.get("/api/orders/" + order);
        assertThat(unchanged.json().path("version").asLong()).as("a refused move changes nothing").isEqualTo(version);
        assertThat(free(manager2, day)).contains("10:00=0", "11:00=0", "13:00=1", "14:00=0");

        // 11:00–12:00 overlaps its own hours: one hour now, 500 ₽ of the 1 000 ₽ paid owed back at the desk
        Api.Response moved = manager2.post("/api/orders/" + order + "/rescheduling",
                period(day, 11, 12).replace("}}", "},\"reason\":\"Гость задерживается\"}"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        Api.Response after = manager2.get("/api/orders/" + order);
        assertThat(after.text("/rentalPeriod/start")).isEqualTo(day + "T11:00:00+05:00");
        assertThat(after.text("/total/value")).isEqualTo("500.00");
        assertThat(after.text("/paid/value")).isEqualTo("500.00");
        assertThat(after.text("/refundDue/value")).isEqualTo("500.00");
        assertThat(after.text("/paymentStatus")).isEqualTo("REFUND_PENDING");
        assertThat(free(manager2, day)).as("10:00 given up, 11:00 kept").contains("10:00=1", "11:00=0", "12:00=1");
        String dayText = day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(manager2.get("/api/orders/" + order + "/timeline").body().replace('\u00a0', ' ').replace('\u202f', ' ')).contains("Заказ перенесён: было " + dayText
                + " 10:00–12:00, стало " + dayText + " 11:00–12:00 (время местное). Причина: Гость задерживается. Сумма заказа: 1 000,00 ₽ → 500,00 ₽."
                + " К возврату гостю: 500,00 ₽.");
        assertThat(manager2.post("/api/orders/" + order + "/refunds", payment("500.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager2.get("/api/orders/" + order).text("/paymentStatus")).isEqualTo("PAID");

        assertThat(manager.post("/api/orders/" + order + "/rescheduling", period(day, 16, 17)).status())
                .as("another service's manager does not see the order").isEqualTo(404);
    }

    @Test
    void aGuestMovesTheirPaidBookingAsItIsAndAShorterOneIsTheManagersWhoReturnTheDifferenceToTheCard() {
        LocalDate day = OrderBodies.meetingRoomDay(today());
        Api.Response placed = guest.post("/api/my/orders", OrderBodies.meetingRoom(day, 10, 13, "troshkov@example.com"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        Api.Response early = guest.post("/api/my/orders/" + order + "/rescheduling", period(day, 15, 18));
        assertThat(early.status()).as("awaiting its payment: " + early).isEqualTo(409);
        assertThat(early.text("/code")).isEqualTo("order-not-confirmed");
        String payment = pressPay(order); // 1 500 ₽
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        eventually("confirmation", () -> guest.get("/api/my/orders/" + order), r -> "CONFIRMED".equals(r.text("/status")));

        // the guest moves it as it is: three hours elsewhere, the same price
        Api.Response moved = guest.post("/api/my/orders/" + order + "/rescheduling", period(day, 15, 18));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(free(guest2, day)).contains("10:00=1", "12:00=1", "15:00=0", "17:00=0", "18:00=1");
        // shorter (or longer) is the manager's: the service returns a guest only half of what they give up
        Api.Response shorter = guest.post("/api/my/orders/" + order + "/rescheduling", period(day, 15, 16));
        assertThat(shorter.status()).as(shorter.toString()).isEqualTo(400);
        assertThat(shorter.text("/field")).isEqualTo("rentalPeriod");
        assertThat(shorter.text("/detail")).contains("на то же число часов").contains("обратитесь к менеджеру");

        Api.Response byManager = anonymous.as("manager2").post("/api/orders/" + order + "/rescheduling",
                period(day, 15, 16).replace("}}", "},\"reason\":\"Гость попросил час вместо трёх\"}"));
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);
        Api.Response refunded = eventually("the 1 000 ₽ back through the gateway", () -> guest.get("/api/my/orders/" + order),
                r -> "0.00".equals(r.text("/refundDue/value")) && r.json().path("refunds").size() == 1);
        assertThat(refunded.text("/total/value")).isEqualTo("500.00");
        assertThat(refunded.text("/refunds/0/amount/value")).isEqualTo("1000.00");
        assertThat(refunded.text("/rentalPeriod/start")).isEqualTo(day + "T15:00:00+05:00");
        assertThat(free(guest2, day)).contains("15:00=0", "16:00=1", "17:00=1");
        String number = placed.text("/number");
        List<String> subjects = Await.until("the mails about both moves", () -> mailSubjects(number),
                all -> all.stream().filter(("Заказ № " + number + " перенесён")::equals).count() == 2);
        assertThat(subjects).contains("Заказ № " + number + " перенесён");

        Api.Response notTheirs = guest2.post("/api/my/orders/" + order + "/rescheduling", period(day, 17, 18));
        assertThat(notTheirs.status()).isEqualTo(404);
    }

    private List<String> mailSubjects(String number) {
        List<String> subjects = new ArrayList<>();
        anonymous.get("/simulator/mail.json").json().forEach(mail -> {
            if (mail.path("subject").asText().contains(number)) {
                subjects.add(mail.path("subject").asText());
            }
        });
        return subjects;
    }
}
