package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.demo.DemoMailServer;
import com.orderdesk.app.support.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail to guests (issue 14) against a real SMTP server: GreenMail, the demo's own, in this JVM. Each mail arrives
 * once with its words; internal messages make none; a server that is down delays mail and no command; a rebuilt
 * read model sends nothing again; the guest turns mail off from the link, and the order's history says so.
 */
class NotificationsHttpTest extends HttpTestBase {
    private static final String EMAIL = "orlova@example.com";

    @DynamicPropertySource
    static void quickRetries(DynamicPropertyRegistry registry) {
        registry.add("orderdesk.notifications.first-retry", () -> "300ms");
        registry.add("orderdesk.notifications.max-retry", () -> "1s");
        registry.add("orderdesk.notifications.poll", () -> "100ms");
        // an online payment waits 10 s here, and its warning goes out 9 s before the deadline: 1 s after asking
        registry.add("orderdesk.gateway.payment-timeout", () -> "10s");
        registry.add("orderdesk.notifications.expiry-warning", () -> "9s");
    }

    @Autowired
    DemoMailServer mailServer;

    /** The mails about one order (by its number in the subject), as the demo's mail page lists them. */
    private List<JsonNode> mailsAbout(String number) {
        List<JsonNode> mails = new ArrayList<>();
        anonymous.get("/simulator/mail.json").json().forEach(mail -> {
            if (mail.path("subject").asText().contains(number)) {
                mails.add(mail);
            }
        });
        return mails;
    }

    private List<JsonNode> waitForMails(String number, int count) {
        List<JsonNode> mails = Await.until(count + " mail(s) about order " + number, () -> mailsAbout(number), all -> all.size() >= count);
        assertThat(mails).as("mails about order " + number).hasSize(count);
        return mails;
    }

    /**
     * Nothing more about the order is sent than {@code count} mails: checked once the notifications processor has
     * handled every event of the order (each decided mail is in the outbox by then) and the outbox has finished with
     * every mail of it that was due — sent, given up or called off, none waiting for a retry — so a mail that should not
     * exist would have been sent, and counted, by now. (A mail due later, as the reminder, is not waited for.)
     */
    private void noMoreMailsThan(String order, String number, int count) {
        awaitDueMailsFinished(order);
        assertThat(mailsAbout(number)).as("mails about order " + number).hasSize(count);
    }

    private String placeWithEmail() {
        return placeWithEmail(EMAIL);
    }

    /** A desk order 3 days ahead, 10:00–14:00, its visitor giving {@code email}. */
    private String placeWithEmail(String email) {
        return orderId(manager.post("/api/orders", orderBody(3, 4, "PARTIAL", email)));
    }

    private static String orderId(Api.Response placed) {
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.text("/orderId");
    }

    @Test
    void eachMailArrivesOnceWithItsWordsAndTheTimelineSaysSo() {
        String order = placeWithEmail();
        String number = manager.get("/api/orders/" + order).text("/number");
        JsonNode confirmed = waitForMails(number, 1).get(0);
        assertThat(confirmed.path("to").asText()).isEqualTo(EMAIL);
        assertThat(confirmed.path("subject").asText()).isEqualTo("Заказ № " + number + " подтверждён");
        // the period in the service's zone (10:00–14:00 in Perm), in text and HTML
        assertThat(confirmed.path("text").asText()).contains("с 10:00 до 14:00").contains("Коворкинг на 2 этаже")
                .contains("/api/notifications/unsubscribe?token=");
        assertThat(confirmed.path("html").asText()).contains("с 10:00 до 14:00").contains("<a href=");
        // the booking for the guest's calendar (issue 30): an iTIP request for the order's one event, read by both parsers
        String invite = confirmed.path("calendar").asText();
        assertThat(invite).contains("METHOD:REQUEST").contains("UID:" + order + "@order-desk").contains("SEQUENCE:0");
        biweekly.component.VEvent event = biweekly.Biweekly.parse(invite).first().getEvents().get(0);
        assertThat(event.getSummary().getValue()).contains("заказ № " + number);
        // and the guest's pass: its code in words, its QR code as a picture in the mail
        String pass = manager.get("/api/orders/" + order + "/pass").text("/code");
        assertThat(confirmed.path("text").asText()).contains(pass);
        assertThat(confirmed.path("html").asText()).contains("cid:pass").contains(pass);
        assertThat(confirmed.path("images").asInt()).isEqualTo(1);

        assertThat(manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH")).status()).isEqualTo(201);
        JsonNode paid = waitForMails(number, 2).get(1);
        assertThat(paid.path("subject").asText()).isEqualTo("Оплата по заказу № " + number + " получена");
        assertThat(paid.path("text").asText().replace('\u00a0', ' ')).contains("150 ₽").contains("наличные").contains("Осталось оплатить 250 ₽");

        assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас у входа Б\"}")
                .status()).isEqualTo(201);
        JsonNode message = waitForMails(number, 3).get(2);
        assertThat(message.path("text").asText()).contains("Ждём вас у входа Б");

        assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость заболел\"}").status()).isEqualTo(200);
        JsonNode cancelled = waitForMails(number, 4).get(3);
        assertThat(cancelled.path("subject").asText()).isEqualTo("Заказ № " + number + " отменён");
        assertThat(cancelled.path("calendar").asText()).contains("METHOD:CANCEL").contains("UID:" + order + "@order-desk")
                .contains("SEQUENCE:1").contains("STATUS:CANCELLED");
        assertThat(paid.path("calendar").isNull()).as("a payment's mail carries no calendar").isTrue();
        assertThat(cancelled.path("text").asText().replace('\u00a0', ' ')).contains("менеджером").contains("Гость заболел").contains("150 ₽")
                .contains("на месте");

        assertThat(manager.post("/api/orders/" + order + "/refunds", payment("150.00", "CASH")).status()).isEqualTo(201);
        JsonNode refund = waitForMails(number, 5).get(4);
        assertThat(refund.path("subject").asText()).isEqualTo("Возврат по заказу № " + number);
        noMoreMailsThan(order, number, 5);

        // each mail once, each with its own Message-ID
        assertThat(mailsAbout(number).stream().map(m -> m.path("messageId").asText()).distinct()).hasSize(5);
        HttpTestBase.eventually("the timeline names every mail", () -> manager.get("/api/orders/" + order + "/timeline"),
                r -> r.body().split("Гостю отправлено письмо", -1).length - 1 == 5);
    }

    @Test
    void anInternalMessageNeverMakesAMail() {
        String order = placeWithEmail();
        String number = manager.get("/api/orders/" + order).text("/number");
        waitForMails(number, 1);
        assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"Гость капризный\"}")
                .status()).isEqualTo(201);
        noMoreMailsThan(order, number, 1);
        assertThat(anonymous.get("/simulator/mail.json").body()).doesNotContain("капризный");
    }

    @Test
    void aMailServerThatIsDownDelaysMailAndNoCommand() {
        mailServer.stop();
        String order;
        String number;
        try {
            order = placeWithEmail(); // the command answers at once
            number = manager.get("/api/orders/" + order).text("/number");
            assertThat(manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH")).status()).isEqualTo(201);
            // both mails decided, and tried at least twice each against the dead server: still none delivered
            awaitHandled("notifications", order);
            Await.until("two failed tries of each mail", () -> jdbc.queryForObject("select min(attempts) from notification_outbox "
                    + "where order_id = ? and kind in ('CONFIRMED', 'PAYMENT')", Integer.class, order), tries -> tries != null && tries >= 2);
            assertThat(mailsAbout(number)).isEmpty();
        } finally {
            mailServer.start();
        }
        List<JsonNode> mails = waitForMails(number, 2);
        assertThat(mails).extracting(m -> m.path("subject").asText())
                .containsExactlyInAnyOrder("Заказ № " + number + " подтверждён", "Оплата по заказу № " + number + " получена");
        noMoreMailsThan(order, number, 2);
    }

    @Test
    void rebuildingTheReadModelsSendsNothingAgain() {
        String order = placeWithEmail();
        String number = manager.get("/api/orders/" + order).text("/number");
        waitForMails(number, 1);
        for (String projection : List.of("order-timeline", "order-detail", "order-list")) {
            assertThat(auditor.post("/api/admin/projections/" + projection + "/replay", null).status()).isEqualTo(202);
        }
        HttpTestBase.eventually("replays done", () -> auditor.get("/api/admin/projections"),
                HttpTestBase::allCaughtUp);
        noMoreMailsThan(order, number, 1);
    }

    @Test
    void theGuestTurnsMailOffFromTheLinkAndTheOrdersHistorySaysSo() throws Exception {
        String stopping = "lebedeva.stops@example.com"; // an address of its own: turning it off touches no other test
        String order = placeWithEmail(stopping);
        String number = manager.get("/api/orders/" + order).text("/number");
        String text = waitForMails(number, 1).get(0).path("text").asText();
        Matcher link = Pattern.compile("http://localhost:\\d+(/api/notifications/unsubscribe\\?token=([^\\s]+))").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        String token = URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);

        // following the link only asks; a forged token is refused
        Api.Response asked = anonymous.get(link.group(1));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains(stopping).contains("Отписаться");
        assertThat(anonymous.send("POST", "/api/notifications/unsubscribe?token=" + token.substring(0, token.length() - 2) + "xx",
                null, null).status()).isEqualTo(404);
        assertThat(mailsAbout(number)).hasSize(1);

        Api.Response done = anonymous.send("POST", "/api/notifications/unsubscribe?token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8),
                null, null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body()).contains("больше не придут");

        // audited: the order's history holds it, with who (the guest, by the link)
        JsonNode events = auditor.get("/api/audit/orders/" + order + "/events").json();
        assertThat(events.findValuesAsText("type")).contains("GuestMailStopped");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Гость отписался от писем");

        // and nothing more is sent to that address, about this order or another
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH")).status()).isEqualTo(201);
        String other = placeWithEmail(stopping);
        noMoreMailsThan(order, number, 1);
        noMoreMailsThan(other, manager.get("/api/orders/" + other).text("/number"), 0);
        assertThat(URI.create(link.group(1)).getPath()).isEqualTo("/api/notifications/unsubscribe");
    }

    /** A guest's online order 6 days ahead, waiting for its prepayment. */
    /** The demo guest's own address (their profile's): mail about their bookings goes there without asking. */
    private static final String GUESTS_OWN = "troshkov@example.com";

    private String guestOrderWithEmail(String email) {
        return orderId(guest.post("/api/my/orders", orderBody(6, 4, "PARTIAL", email)));
    }

    @Test
    void anUnpaidOnlineOrderIsWarnedBeforeItsDeadlineAndToldWhenItLapses() {
        String order = guestOrderWithEmail(GUESTS_OWN);
        String number = guest.get("/api/my/orders/" + order).text("/number");
        JsonNode warning = waitForMails(number, 1).get(0);
        assertThat(warning.path("subject").asText()).isEqualTo("Заказ № " + number + " ждёт оплаты");
        assertThat(warning.path("text").asText().replace('\u00a0', ' ')).contains("100 ₽").contains("будет отменено");
        // the guest's order page is linked: the guest has an account to open it with
        assertThat(warning.path("text").asText()).contains("/my/orders/" + order);

        // the deadline (10 s here) cancels it, and the guest is told, by nobody in particular
        List<JsonNode> mails = waitForMails(number, 2);
        assertThat(mails.get(1).path("subject").asText()).isEqualTo("Заказ № " + number + " отменён");
        assertThat(mails.get(1).path("text").asText()).contains("автоматически").contains("Возврата денег по заказу нет");
    }

    @Test
    void aPaidOrderHasNoWarningLeftAndACancelledOneNoReminder() {
        String order = guestOrderWithEmail(GUESTS_OWN);
        // the reminder waits for the evening before the rental (18:00 in Perm, the day before it starts); decided a moment later
        java.time.Instant evening = java.time.OffsetDateTime.parse(guest.get("/api/my/orders/" + order).text("/rentalPeriod/start"))
                .atZoneSameInstant(PERM).toLocalDate().minusDays(1).atTime(18, 0).atZone(PERM).toInstant();
        HttpTestBase.eventually("the reminder decided", () -> guest.get("/api/my/orders/" + order),
                r -> jdbc.queryForObject("select count(*) from notification_outbox where order_id = ? and kind = 'REMINDER'",
                        Integer.class, order) == 1);
        assertThat(jdbc.queryForObject("select send_after from notification_outbox where order_id = ? and kind = 'REMINDER'",
                java.time.OffsetDateTime.class, order).toInstant()).isEqualTo(evening);
        payOnline(order); // before the warning is due? it may already have gone; what matters: none after the payment
        HttpTestBase.eventually("paid", () -> guest.get("/api/my/orders/" + order), r -> "CONFIRMED".equals(r.text("/status")));
        awaitHandled("notifications", order);
        assertThat(jdbc.queryForList("select status from notification_outbox where order_id = ? and kind = 'PAYMENT_EXPIRING'",
                String.class, order)).as("the warning, sent or called off").singleElement().isIn("SENT", "CANCELLED");

        assertThat(guest.post("/api/my/orders/" + order + "/cancellation", "{\"reason\":\"Планы изменились\"}").status()).isEqualTo(200);
        HttpTestBase.eventually("the reminder is called off", () -> guest.get("/api/my/orders/" + order),
                r -> "CANCELLED".equals(jdbc.queryForObject("select status from notification_outbox where order_id = ? and kind = 'REMINDER'",
                        String.class, order)));
    }

    @Test
    void aMailGivenUpAfterItsLastTryIsToldToStaffOnly() {
        mailServer.stop();
        String order;
        try {
            order = placeWithEmail();
            // 8 tries, 0.3 s doubling up to 1 s apart: given up within about 6 s
            HttpTestBase.eventually("the mail given up", () -> manager.get("/api/orders/" + order + "/timeline"),
                    r -> r.body().contains("не доставлено"));
        } finally {
            mailServer.start();
        }
        JsonNode line = java.util.stream.StreamSupport.stream(manager.get("/api/orders/" + order + "/timeline").json().spliterator(), false)
                .filter(entry -> entry.path("text").asText().contains("не доставлено")).findFirst().orElseThrow();
        assertThat(line.path("kind").asText()).isEqualTo("INTERNAL");
        assertThat(line.path("text").asText()).contains("после 8 попыток").contains("Свяжитесь с гостем");
        String number = manager.get("/api/orders/" + order).text("/number");
        noMoreMailsThan(order, number, 0);
    }

    @Test
    void theReminderGoesOutTheEveningBeforeTheRental() {
        java.time.LocalDate today = clock.freezeToday(PERM);
        String order = placeWithEmail(); // 3 days ahead, 10:00–14:00 in Perm
        String number = manager.get("/api/orders/" + order).text("/number");
        waitForMails(number, 1); // confirmed
        java.time.Instant evening = today.plusDays(2).atTime(18, 0).atZone(PERM).toInstant();
        HttpTestBase.eventually("the reminder decided", () -> manager.get("/api/orders/" + order),
                r -> jdbc.queryForObject("select count(*) from notification_outbox where order_id = ? and kind = 'REMINDER'",
                        Integer.class, order) == 1);
        assertThat(jdbc.queryForObject("select send_after from notification_outbox where order_id = ? and kind = 'REMINDER'",
                java.time.OffsetDateTime.class, order).toInstant()).isEqualTo(evening);
        noMoreMailsThan(order, number, 1); // not before its evening

        // the evening comes
        clock.freezeAt(evening);
        JsonNode reminder = waitForMails(number, 2).get(1);
        assertThat(reminder.path("subject").asText()).isEqualTo("Напоминание: завтра ваша аренда, заказ № " + number);
        String day = today.plusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy г.",
                java.util.Locale.forLanguageTag("ru")));
        assertThat(reminder.path("text").asText()).contains(day + ", с 10:00 до 14:00");
        noMoreMailsThan(order, number, 2);
    }
}
