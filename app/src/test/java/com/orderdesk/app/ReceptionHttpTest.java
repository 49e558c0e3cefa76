package com.orderdesk.app;

import com.orderdesk.app.support.OrderBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reception over HTTP (issue 30): the pass, check-in by the pass and by number with the answer the desk reads, the
 * refusals with what they need (the remainder to take), the day's list, check-out and the no-show by hand; the guest
 * sees their pass and their check-in.
 */
class ReceptionHttpTest extends HttpTestBase {
    private static final AtomicInteger TICKETS = new AtomicInteger();
    /** A day of this class's own, far from the days other tests book. */
    private LocalDate day;

    @BeforeEach
    void onTheRentalDay() {
        day = today().plusDays(40);
        clock.freezeAt(day.atTime(9, 40).atZone(PERM).toInstant());
    }

    /** A desk order for 10:00–12:00 of {@code day} with a ticket number of its own; returns {id, ticket}. */
    private String[] deskOrder(boolean paid) {
        String ticket = "R" + TICKETS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        Api.Response placed = manager.post("/api/orders", OrderBodies.order(day, 2, "FULL", null)
                .replace("\"ticketNumber\":\"301\"", "\"ticketNumber\":\"" + ticket + "\""));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String id = placed.text("/orderId");
        if (paid) {
            Api.Response payment = manager.post("/api/orders/" + id + "/payments", payment("200.00", "CASH"));
            assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        }
        return new String[] {id, ticket};
    }

    private String passOf(String order) {
        Api.Response pass = manager.get("/api/orders/" + order + "/pass");
        assertThat(pass.status()).as(pass.toString()).isEqualTo(200);
        assertThat(pass.header("Cache-Control")).contains("no-store");
        return pass.text("/code");
    }

    private Api.Response checkIn(Api who, String code) {
        return who.post("/api/reception/check-in", "{\"code\":\"" + code + "\"}");
    }

    @Test
    void theGuestShowsThePassAndIsLetInOnceWithTheAnswerTheDeskReads() {
        String order = deskOrder(true)[0];
        String code = passOf(order);
        assertThat(code).matches("\\d{7}-\\d{24}").doesNotContain(order);
        Api.Response picture = manager.get("/api/orders/" + order + "/pass.svg");
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(picture.body()).startsWith("<svg").contains("<path");

        Api.Response in = checkIn(manager, code);
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.text("/message")).isEqualTo("Проходите.");
        assertThat(in.text("/guest/state")).isEqualTo("CHECKED_IN");
        assertThat(in.text("/guest/stateLabel")).isEqualTo("Пришёл в 09:40");

        clock.advance(java.time.Duration.ofMinutes(5));
        Api.Response again = checkIn(manager, code);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("already").asBoolean()).isTrue();
        assertThat(again.text("/message")).isEqualTo("Уже отметились в 09:40.");

        Api.Response detail = manager.get("/api/orders/" + order);
        assertThat(detail.text("/ticket/checkInMethod")).isEqualTo("PASS");
        assertThat(detail.text("/ticket/checkedInAt")).startsWith(day + "T09:40");
        assertThat(detail.text("/version")).as("the second check-in changed nothing").isEqualTo("2");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Гость пришёл: отмечен на ресепшене по пропуску.");
        assertThat(auditor.get("/api/audit/orders/" + order + "/events").body()).contains("GuestCheckedIn");

        Api.Response list = manager.get("/api/reception/today?date=" + day);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(order);

        Api.Response out = manager.post("/api/orders/" + order + "/check-out", null);
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(manager.get("/api/orders/" + order).text("/ticket/checkedOutAt")).startsWith(day + "T09:45");
    }

    @Test
    void aForgedOrAnotherOrdersPassLetsNobodyIn() {
        String first = deskOrder(true)[0];
        String second = deskOrder(true)[0];
        String code = passOf(first);
        String number = manager.get("/api/orders/" + second).text("/number");
        // the other order's number with this order's signature, and a made-up one
        for (String forged : new String[] {number + code.substring(7), code.substring(0, 8) + "000000000000000000000000"}) {
            Api.Response refused = checkIn(manager, forged);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("pass-invalid");
        }
        assertThat(manager.get("/api/orders/" + first).json().path("ticket").path("checkedInAt").isNull()).isTrue();
        assertThat(manager.get("/api/orders/" + second).json().path("ticket").path("checkedInAt").isNull()).isTrue();
    }

    @Test
    void aGuestWhoHasNotPaidIsSentToTheDeskWithTheRemainderThenLetIn() {
        String[] order = deskOrder(false);
        Api.Response refused = checkIn(manager, order[1]);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("order-not-paid");
        assertThat(refused.text("/orderId")).isEqualTo(order[0]);
        assertThat(refused.text("/remainder/value")).isEqualTo("200.00");
        assertThat(refused.text("/detail")).contains("к оплате 200,00");

        assertThat(manager.post("/api/orders/" + order[0] + "/payments", payment("200.00", "CARD_TERMINAL")).status()).isEqualTo(201);
        Api.Response in = checkIn(manager, order[1]);
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(manager.get("/api/orders/" + order[0]).text("/ticket/checkInMethod")).isEqualTo("NUMBER");
    }

    @Test
    void anotherDayIsRefusedSayingWhichDayTheBookingIsFor() {
        String order = deskOrder(true)[0];
        clock.advance(java.time.Duration.ofDays(-1));
        Api.Response refused = checkIn(manager, passOf(order));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("check-in-wrong-day");
        assertThat(refused.text("/detail")).startsWith("Другой день: Бронь на ").contains("10:00–12:00");
    }

    @Test
    void anotherServicesStaffAndGuestsCannotLetTheGuestIn() {
        String order = deskOrder(true)[0];
        String code = passOf(order);
        Api.Response other = checkIn(anonymous.as("manager2"), code);
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        assertThat(other.text("/detail")).contains("другой услуги");
        assertThat(checkIn(guest, code).status()).isEqualTo(403);
        assertThat(guest.get("/api/reception/today").status()).isEqualTo(403);
        assertThat(manager.get("/api/orders/" + order).json().path("ticket").path("checkedInAt").isNull()).isTrue();
    }

    @Test
    void aGuestWhoDidNotComeIsMarkedByHandAndTheirPlaceFreed() {
        String order = deskOrder(true)[0];
        Api.Response early = manager.post("/api/orders/" + order + "/no-show", null);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("rental-not-started");
        clock.advance(java.time.Duration.ofMinutes(40));
        Api.Response marked = manager.post("/api/orders/" + order + "/no-show", null);
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        Api.Response detail = manager.get("/api/orders/" + order);
        assertThat(detail.text("/status")).isEqualTo("NO_SHOW");
        assertThat(detail.text("/statusLabel")).isEqualTo("Не пришёл");
        assertThat(jdbc.queryForObject("select count(*) from space_hold where order_id = ?", Integer.class, order)).isZero();
        Api.Response late = checkIn(manager, numberOf(order));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("order-no-show");
    }

    /** A no-show has no pass to show any more: the reception finds it by its number. */
    private String numberOf(String order) {
        return manager.get("/api/orders/" + order).text("/number");
    }

    @Test
    void theGuestSeesTheirPassAndTheirCheckIn() {
        clock.reset();
        Api.Response placed = guest.post("/api/my/orders", OrderBodies.order(day, 2, "FULL", null));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        Api.Response notYet = guest.get("/api/my/orders/" + order + "/pass");
        assertThat(notYet.status()).as("no pass before the booking is confirmed").isEqualTo(409);
        payOnline(order);
        Api.Response pass = guest.get("/api/my/orders/" + order + "/pass");
        assertThat(pass.status()).as(pass.toString()).isEqualTo(200);
        assertThat(guest.get("/api/my/orders/" + order + "/pass.svg").body()).startsWith("<svg");
        assertThat(guest2.get("/api/my/orders/" + order + "/pass").status()).as("another guest's pass").isEqualTo(404);
        // «Добавить в календарь»: the booking as a file, the same event as the mails'
        Api.Download ics = guest.download("/api/my/orders/" + order + "/calendar.ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.disposition()).contains("attachment").contains(".ics");
        String calendar = new String(ics.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(calendar).contains("METHOD:PUBLISH").contains("UID:" + order + "@order-desk");
        assertThat(biweekly.Biweekly.parse(calendar).first().getEvents().get(0).getDateStart().getValue())
                .isEqualTo(java.util.Date.from(day.atTime(10, 0).atZone(PERM).toInstant()));
        assertThat(guest2.download("/api/my/orders/" + order + "/calendar.ics").status()).as("another guest's booking").isEqualTo(404);

        clock.freezeAt(day.atTime(9, 55).atZone(PERM).toInstant());
        assertThat(checkIn(manager, pass.text("/code")).status()).isEqualTo(200);
        Api.Response mine = guest.get("/api/my/orders/" + order);
        assertThat(mine.text("/ticket/checkedInAt")).startsWith(day + "T09:55");
        assertThat(mine.text("/ticket/checkedInBy/name")).as("staff are «менеджер» to guests").isEqualTo("менеджер");
    }
}
