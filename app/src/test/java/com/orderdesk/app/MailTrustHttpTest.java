package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: the guest's mail is no relay. Mail goes to an address the guest proved — their own, or one confirmed by
 * whoever reads it — a guest's words are quoted as theirs, and mail per address and per guest is limited. Its own
 * application: small limits, quick retries.
 */
class MailTrustHttpTest extends HttpTestBase {
    private static final String PHISHING = "Ваш аккаунт заблокирован. Подтвердите карту: http://evil.example/card";

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        registry.add("orderdesk.notifications.poll", () -> "100ms");
        registry.add("orderdesk.notifications.first-retry", () -> "300ms");
        registry.add("orderdesk.notifications.max-retry", () -> "1s");
        registry.add("orderdesk.notifications.confirmations-per-address-per-day", () -> "2");
        registry.add("orderdesk.notifications.per-address-per-hour", () -> "3");
    }

    private static String someone() {
        return "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String guestBooks(String email) {
        Api.Response placed = guest.post("/api/my/orders", orderBody(6, 2, "FULL", email));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.text("/orderId");
    }

    @Test
    void anAddressTheGuestGaveThatIsNotTheirsGetsOneMailThatAsksAndNothingElseUntilConfirmed() {
        String address = someone();
        String order = guestBooks(address);
        assertThat(guest.post("/api/my/orders/" + order + "/cancellation", "{\"reason\":\"" + PHISHING + "\"}").status()).isEqualTo(200);
        awaitDueMailsFinished(order);

        List<JsonNode> mails = mailsTo(address);
        assertThat(mails).as("only the mail that asks").hasSize(1);
        JsonNode ask = mails.get(0);
        assertThat(ask.path("subject").asText()).startsWith("Подтвердите адрес для писем о бронировании №");
        // the coworking's words only: nothing the guest typed (not the reason, not even the visitor's name)
        assertThat(ask.path("text").asText()).doesNotContain("evil.example").doesNotContain("заблокирован").doesNotContain("Светлана");
        assertThat(ask.path("html").asText()).doesNotContain("evil.example");
        assertThat(jdbc.queryForList("select status from notification_outbox where order_id = ? and kind = 'CANCELLED'", String.class, order))
                .containsExactly("HELD");
        assertThat(manager.get("/api/orders/" + order).json().path("visitorEmailUnconfirmed").asBoolean()).isTrue();

        // whoever reads it confirms: the held mail goes out, the guest's reason quoted as the guest's
        Matcher link = Pattern.compile("http://localhost:\\d+(/api/notifications/confirm\\?token=(\\S+))").matcher(ask.path("text").asText());
        assertThat(link.find()).isTrue();
        assertThat(anonymous.get(link.group(1)).body()).contains("Подтвердить адрес").contains(address);
        assertThat(mailsTo(address)).as("a GET confirms nothing").hasSize(1);
        Api.Response confirmed = anonymous.send("POST", "/api/notifications/confirm",
                "token=" + java.net.URLEncoder.encode(URLDecoder.decode(link.group(2), StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode cancelled = com.orderdesk.app.support.Await.until("the held mail", () -> mailsTo(address), all -> all.size() == 2).get(1);
        assertThat(cancelled.path("subject").asText()).endsWith("отменён");
        assertThat(cancelled.path("text").asText()).contains("Причина, которую вы указали:\n> " + PHISHING);
        assertThat(cancelled.path("html").asText()).contains("<blockquote").contains("Причина, которую вы указали");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Адрес e-mail посетителя подтверждён");
    }

    @Test
    void theReceiptOfAnOrderWhoseAddressAwaitsGoesToThePhone() {
        String order = guestBooks(someone());
        String payment = pressPay(order);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        Api.Response paid = eventually("the receipt", () -> guest.get("/api/my/orders/" + order),
                r -> "SUCCEEDED".equals(r.text("/receipts/0/status")));
        assertThat(paid.text("/receipts/0/sentTo")).isEqualTo("+79125551234");
    }

    @Test
    void askingToConfirmOneAddressIsLimitedPerDay() {
        String address = someone();
        // the third spelled with a capital: the same mailbox, the same allowance
        String capitalized = Character.toUpperCase(address.charAt(0)) + address.substring(1);
        List<String> orders = List.of(guestBooks(address), guestBooks(address), guestBooks(capitalized));
        orders.forEach(this::awaitDueMailsFinished);
        assertThat(mailsTo(address)).as("two asks a day").hasSize(2);
        assertThat(mailsTo(capitalized)).as("the third is not sent").isEmpty();
        assertThat(jdbc.queryForList("select last_error from notification_outbox where kind = 'CONFIRM_ADDRESS' and status = 'CANCELLED' "
                + "and recipient = ?", String.class, capitalized)).singleElement().asString().contains("ограничение");
    }

    @Test
    void mailToOneAddressIsLimitedPerHourTheRestWaits() {
        String address = someone();
        // staff state the address: proven; confirmed, payment, message, payment: four mails, three this hour
        Api.Response placed = manager.post("/api/orders", orderBody(3, 4, "PARTIAL", address));
        String order = placed.text("/orderId");
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас\"}").status()).isEqualTo(201);
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        awaitHandled("notifications", order);
        com.orderdesk.app.support.Await.until("three sent, one waiting for the next hour", () -> jdbc.queryForList(
                "select status || ':' || coalesce(last_error, '') from notification_outbox where order_id = ?", String.class, order),
                rows -> rows.stream().filter(r -> r.startsWith("SENT")).count() == 3 && rows.stream().anyMatch(r -> r.contains("ограничение частоты")));
        assertThat(mailsTo(address)).hasSize(3);
    }

    @Test
    void anAddressMailCannotGoToIsGivenUpAtOnceNotTriedEightTimes() {
        // an address an earlier version accepted: the mailer's own check, the same as the API's
        String order = placeDeskOrder(2);
        String mailId = UUID.randomUUID().toString();
        jdbc.update("insert into notification_outbox (mail_id, dedup_key, order_id, kind, recipient, subject, text_body, html_body, status, "
                        + "send_after, attempts, next_attempt_at, created_at) values (?, ?, ?, 'MESSAGE', 'a,b@x.ru', 'Тема', 'Текст', '<p>Текст</p>', "
                        + "'PENDING', ?, 0, ?, ?)", mailId, "legacy:" + mailId, order, java.sql.Timestamp.from(clock.instant()),
                java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()));
        String given = com.orderdesk.app.support.Await.until("the mail given up", () -> jdbc.queryForObject(
                "select status || ':' || attempts || ':' || coalesce(last_error, '') from notification_outbox where mail_id = ?", String.class, mailId),
                row -> row.startsWith("FAILED"));
        assertThat(given).isEqualTo("FAILED:0:недопустимый адрес получателя");
        eventually("staff are told", () -> manager.get("/api/orders/" + order + "/timeline"), r -> r.body().contains("«a,b@x.ru» недопустим"));
    }
}
