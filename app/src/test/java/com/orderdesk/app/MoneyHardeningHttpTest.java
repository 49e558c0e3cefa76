package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.SimulatorFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways money was lost or stuck between the desk, the gateway and the deadline (issue 11), each over real HTTP
 * against the gateway simulator: forged notifications, the 50 ₽ rule across channels, refunds (own keys, refusals,
 * the gateway's dashboard), payment id namespaces, junk floods, and the cancellation policy.
 */
class MoneyHardeningHttpTest extends HttpTestBase {
    private static final String SHOP = "Basic ZGVtby1zaG9wOmRlbW8tc2VjcmV0"; // demo-shop:demo-secret


    @AfterEach
    void noFaults() {
        simulatorFaults(SimulatorFaults.none());
    }

    private void faults(boolean dropNotifications) {
        simulatorFaults(dropNotifications ? SimulatorFaults.none().withDroppedNotifications() : SimulatorFaults.none());
    }

    /** A payment made at the gateway for the order by someone else than the saga (one-stage when {@code capture}). */
    private String gatewayPaymentOf(String order, String amount, boolean capture) {
        Api.Response created = anonymous.header("Authorization", SHOP).header("Idempotence-Key", UUID.randomUUID().toString())
                .post("/simulator/v3/payments", """
                        {"amount":{"value":"%s","currency":"RUB"},"capture":%s,"confirmation":{"type":"redirect","return_url":"/"},
                         "description":"test","metadata":{"orderId":"%s"}}""".formatted(amount, capture, order));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.text("/id");
    }

    private JsonNode gatewayPayments(String order) {
        return anonymous.get("/simulator/control/payments?orderId=" + order).json();
    }

    private String inboxOutcome(String key) {
        return inbox(key).outcome();
    }

    private static BigDecimal rub(JsonNode money) {
        return new BigDecimal(money.path("value").asText());
    }

    @Test
    void aForgedNotificationNeverSwallowsTheGenuineOneWithTheSameKey() {
        String order = placeOnline();
        String payment = gatewayPaymentOf(order, "100.00", true);
        // someone posts payment.succeeded while the payment is still pending: the gateway, asked, does not confirm it
        Api.Response forged = anonymous.post("/api/webhooks/payments", """
                {"type":"notification","event":"payment.succeeded","object":{"id":"%s","status":"succeeded","paid":true,
                 "amount":{"value":"100.00","currency":"RUB"},"metadata":{"orderId":"%s"}}}""".formatted(payment, order));
        assertThat(forged.status()).isEqualTo(200);
        Await.until("the forgery set aside", () -> inboxOutcome("payment.succeeded:" + payment), outcome -> outcome.startsWith("rejected"));

        // the guest really pays; only payment.succeeded reaches us — the same key the forgery used
        faults(true);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        faults(false);
        assertThat(anonymous.post("/simulator/control/notify/payment.succeeded/" + payment, null).status()).isEqualTo(200);

        Api.Response paid = eventually("the genuine payment", () -> detail(order), r -> "CONFIRMED".equals(r.text("/status")));
        assertThat(paid.text("/paid/value")).isEqualTo("100.00");
        assertThat(paid.json().at("/payments").size()).isEqualTo(1);
    }

    @Test
    void theFiftyRoubleRuleHoldsWhenTheGuestsOnlinePaymentLandsAfterADeskPayment() {
        // online PARTIAL 400 ₽: prepayment 100 ₽ pending; the desk takes 280 ₽ (remainder 120 ₽); then the guest pays 100 ₽
        String order = placeOnline();
        String payment = pressPay(order);
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("280.00", "CASH")).status()).isEqualTo(201);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);

        Api.Response settled = eventually("the capture", () -> detail(order), r -> r.json().at("/payments").size() == 2);
        assertThat(settled.text("/paid/value")).isEqualTo("350.00");
        assertThat(settled.text("/remainder/value")).isEqualTo("50.00");
        assertThat(settled.text("/refundDue/value")).isEqualTo("0.00");
        // only 70 ₽ of the 100 ₽ were taken from the guest: nothing to refund
        JsonNode atGateway = gatewayPayments(order).get(0);
        assertThat(atGateway.path("status").asText()).isEqualTo("succeeded");
        assertThat(atGateway.at("/amount/value").asText()).isEqualTo("70.00");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("списывается 70,00");
    }

    @Test
    void aPaymentCompletedAfterTheOrderWasPaidAtTheDeskIsReleasedNotTaken() {
        String order = placeOnline();
        String payment = pressPay(order);
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("400.00", "CASH")).status()).isEqualTo(201);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        eventually("the release", () -> anonymous.get("/simulator/control/payments?orderId=" + order),
                r -> "canceled".equals(r.json().get(0).path("status").asText()));
        Api.Response settled = detail(order);
        assertThat(settled.text("/paid/value")).isEqualTo("400.00");
        assertThat(settled.text("/refundDue/value")).isEqualTo("0.00");
        assertThat(settled.json().at("/payments").size()).isEqualTo(1);
    }

    @Test
    void twoRefundsOfTheSameAmountOfOnePaymentBothMoveMoney() {
        // desk order 400 ₽, 300 ₽ at the desk; a one-stage gateway payment of 150 ₽ lands: 100 ₽ counted, 50 ₽ refunded
        String order = placeDeskOrder(4);
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("300.00", "CASH")).status()).isEqualTo(201);
        String payment = gatewayPaymentOf(order, "150.00", true);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        eventually("the overpayment refund", () -> detail(order), r -> r.json().at("/refunds").size() == 1);

        // the manager cancels returning 50 ₽: again 50 ₽ of the same payment, through the gateway
        Api.Response cancelled = manager.post("/api/orders/" + order + "/cancellation",
                "{\"reason\":\"Неявка\",\"refundAmount\":" + money("50.00") + "}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Api.Response refunded = eventually("the second refund", () -> detail(order), r -> r.json().at("/refunds").size() == 2);
        assertThat(refunded.text("/refundDue/value")).isEqualTo("0.00");
        // 350 ₽ of the 400 ₽ are kept on the cancellation: partly refunded
        assertThat(refunded.text("/paymentStatus")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(refunded.json().at("/refunds")).allSatisfy(r -> assertThat(r.at("/amount/value").asText()).isEqualTo("50.00"));
    }

    @Test
    void cancellingAfterAnOverpaymentRefundAsksTheGatewayOnlyForWhatIsStillOwed() {
        String order = placeDeskOrder(4);
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("300.00", "CASH")).status()).isEqualTo(201);
        String payment = gatewayPaymentOf(order, "150.00", true);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        eventually("the overpayment", () -> detail(order), r -> r.json().at("/payments").size() == 2);

        assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}").status()).isEqualTo(200);
        Api.Response settled = eventually("the gateway refunds", () -> detail(order), r -> r.json().at("/refunds").size() == 2);
        BigDecimal throughGateway = BigDecimal.ZERO;
        for (JsonNode refund : settled.json().at("/refunds")) {
            throughGateway = throughGateway.add(rub(refund.path("amount")));
        }
        assertThat(throughGateway).isEqualByComparingTo("150.00");
        assertThat(settled.text("/refundDue/value")).as("the desk's 300 ₽ are returned at the desk").isEqualTo("300.00");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).doesNotContain("отказал в возврате");
    }

    @Test
    void aRefundTheGatewayRefusesIsShownToStaffAndOwedAtTheDesk() {
        String order = placeOnline();
        String payment = payOnline(order);
        simulatorFaults(SimulatorFaults.none().withRefusedRefunds());

        assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}").status()).isEqualTo(200);
        Api.Response timeline = eventually("the refusal", () -> manager.get("/api/orders/" + order + "/timeline"),
                r -> r.body().contains("Платёжный шлюз отказал в возврате 100,00"));
        assertThat(timeline.body()).contains("Верните гостю на месте: 100,00");
        assertThat(guest.get("/api/my/orders/" + order + "/timeline").body()).doesNotContain("отказал");
        assertThat(detail(order).text("/paymentStatus")).isEqualTo("REFUND_PENDING");
        assertThat(management.get("/actuator/prometheus").body()).containsPattern("(?m)^orderdesk_gateway_refunds_failed_total(\\{[^}]*\\})? [1-9]");
        // staff settle it at the desk
        assertThat(manager.post("/api/orders/" + order + "/refunds", payment("100.00", "BANK_TRANSFER")).status()).isEqualTo(201);
        assertThat(detail(order).text("/paymentStatus")).isEqualTo("REFUNDED");
    }

    @Test
    void aRefusalCausedByARefundWeDidNotKnowOfReadsItBackInsteadOfOwingItTwice() {
        String order = placeOnline();
        String payment = payOnline(order);
        // 60 ₽ go back in the gateway's dashboard, and we do not hear of it
        faults(true);
        assertThat(anonymous.post("/simulator/control/payments/" + payment + "/refund?amount=60.00", null).status()).isEqualTo(200);
        faults(false);

        assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}").status()).isEqualTo(200);
        Api.Response settled = eventually("the refunds", () -> detail(order), r -> "REFUNDED".equals(r.text("/paymentStatus")));
        assertThat(settled.text("/refundDue/value")).isEqualTo("0.00");
        BigDecimal refunded = BigDecimal.ZERO;
        for (JsonNode refund : settled.json().at("/refunds")) {
            refunded = refunded.add(rub(refund.path("amount")));
        }
        assertThat(refunded).as("60 ₽ from the dashboard, 40 ₽ asked again: never more than the payment").isEqualByComparingTo("100.00");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Повторно запрошен возврат 40,00");
    }

    @Test
    void aRefundMadeInTheGatewaysDashboardLowersWhatIsPaid() {
        String order = placeOnline();
        String payment = payOnline(order);
        assertThat(anonymous.post("/simulator/control/payments/" + payment + "/refund?amount=40.00", null).status()).isEqualTo(200);

        Api.Response after = eventually("the dashboard refund", () -> detail(order), r -> r.json().at("/refunds").size() == 1);
        assertThat(after.text("/paid/value")).isEqualTo("60.00");
        assertThat(after.text("/remainder/value")).isEqualTo("340.00");
        Api.Response listed = manager.get("/api/orders?q=" + after.text("/number"));
        assertThat(listed.text("/items/0/remainder/value")).isEqualTo("340.00");
    }

    @Test
    void deskPaymentIdsNeverHideAGatewayPaymentAndAConflictingRepeatIsRefused() {
        String order = placeOnline();
        String payment = pressPay(order);
        Api.Response desk = manager.post("/api/orders/" + order + "/payments",
                "{\"paymentId\":\"" + payment + "\",\"amount\":" + money("100.00") + ",\"method\":\"CASH\"}");
        assertThat(desk.status()).as(desk.toString()).isEqualTo(201);
        Api.Response conflict = manager.post("/api/orders/" + order + "/payments",
                "{\"paymentId\":\"" + payment + "\",\"amount\":" + money("150.00") + ",\"method\":\"CASH\"}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("payment-id-conflict");
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");

        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        Api.Response both = eventually("the gateway payment", () -> detail(order), r -> r.json().at("/payments").size() == 2);
        assertThat(both.text("/paid/value")).isEqualTo("200.00");
    }

    @Test
    void notificationsAboutObjectsTheGatewayDoesNotKnowAreFinishedNotRetried() {
        String junk = "junk-" + UUID.randomUUID();
        assertThat(anonymous.post("/api/webhooks/payments",
                "{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\"" + junk + "\"}}").status()).isEqualTo(200);
        Await.until("the junk finished", () -> inboxOutcome("payment.succeeded:" + junk),
                outcome -> outcome.startsWith("ignored: the gateway does not know"));
        assertThat(jdbc.queryForObject("select processed_at from payment_inbox where notification_key = ?", Instant.class,
                "payment.succeeded:" + junk)).isNotNull();
    }

    @Test
    void fiveThousandJunkNotificationsDoNotDelayAGenuinePayment() {
        // the flood is already in the inbox, unprocessed, when the guest pays
        List<Object[]> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < 5_000; i++) {
            String id = "flood-" + UUID.randomUUID();
            rows.add(new Object[] {"payment.succeeded:" + id, "payment.succeeded", id, "{}", java.sql.Timestamp.from(now)});
        }
        jdbc.batchUpdate("insert into payment_inbox (notification_key, event, object_id, body, received_at, deliveries, attempts,"
                + " next_attempt_at, priority) values (?, ?, ?, ?, ?, 1, 0, ?, 1)", rows.stream()
                .map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[4]}).toList());
        try {
            String order = placeOnline();
            String payment = pressPay(order);
            anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
            eventually("the genuine payment", () -> detail(order), r -> "CONFIRMED".equals(r.text("/status")));
            // it went ahead of the flood: junk is still waiting when the payment is recorded (no stopwatch: the order of
            // the work, whatever the machine's speed)
            assertThat(jdbc.queryForObject("select count(*) from payment_inbox where notification_key like 'payment.succeeded:flood-%'"
                    + " and processed_at is null", Integer.class)).as("junk still waiting behind the genuine payment").isPositive();
        } finally {
            jdbc.update("update payment_inbox set processed_at = ?, outcome = 'test flood' where notification_key like 'payment.succeeded:flood-%'",
                    java.sql.Timestamp.from(clock.instant()));
        }
    }

    /** A place-order body whose rental starts {@code startsIn} from now (whole hours, the service's zone). */
    private String startingIn(Duration startsIn) {
        ZonedDateTime start = ZonedDateTime.ofInstant(clock.instant(), PERM).plus(startsIn).withMinute(0).withSecond(0).withNano(0);
        return """
                {"serviceId":"coworking-2nd-floor","tariffId":"standard",
                 "rentalPeriod":{"start":"%s","end":"%s"},"ticketNumber":"302",
                 "visitor":{"name":"Светлана Орлова","phone":"+7 912 555-12-34"},
                 "applicant":{"name":"Светлана Орлова","role":"Гость локации","phone":"8 912 555 12 34"},
                 "paymentPlan":"FULL"}""".formatted(start.toOffsetDateTime(), start.plusHours(2).toOffsetDateTime());
    }

    @Test
    void aGuestCancellingInTimeGetsEverythingPaidBack() {
        String order = placeOnline();
        String payment = pressPay(order);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        eventually("confirmation", () -> guest.get("/api/my/orders/" + order), r -> "CONFIRMED".equals(r.text("/status")));

        Api.Response cancelled = guest.post("/api/my/orders/" + order + "/cancellation", "{}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Api.Response refunded = eventually("the refund", () -> guest.get("/api/my/orders/" + order),
                r -> "REFUNDED".equals(r.text("/paymentStatus")));
        assertThat(refunded.text("/cancellation/reason")).isEqualTo("Гость отменил бронирование");
    }

    @Test
    void aGuestCannotCancelAfterTheCutoffAndIsToldUntilWhenWhileAManagerStillCan() {
        clock.freezeToday(PERM); // midday: a rental starting within two hours lies inside opening hours
        Api.Response placed = guest.post("/api/my/orders", startingIn(Duration.ofMinutes(90)));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        // the saga has asked the gateway for the payment: nothing else moves the order now
        long version = eventually("the payment page", () -> detail(order), r -> "PENDING".equals(r.text("/onlinePayment/status")))
                .json().path("version").asLong();

        Api.Response late = guest.post("/api/my/orders/" + order + "/cancellation", "{\"reason\":\"Не успеваю\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("cancellation-window-closed");
        assertThat(late.json().path("detail").asText()).contains("можно было до").contains("менеджер");
        assertThat(detail(order).json().path("version").asLong()).as("nothing changed").isEqualTo(version);

        Api.Response byManager = manager.post("/api/orders/" + order + "/cancellation",
                "{\"reason\":\"По просьбе гостя\",\"refundAmount\":" + money("0.00") + "}");
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);
        assertThat(detail(order).text("/status")).isEqualTo("CANCELLED");
    }

    @Test
    void aManagerCannotRefundMoreThanWasPaidAndTheDecisionIsInTheAuditTrail() {
        String order = placeDeskOrder(4);
        assertThat(manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH")).status()).isEqualTo(201);
        Api.Response tooMuch = manager.post("/api/orders/" + order + "/cancellation",
                "{\"reason\":\"Неявка\",\"refundAmount\":" + money("150.01") + "}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("refund-exceeds-paid");

        assertThat(manager.post("/api/orders/" + order + "/cancellation",
                "{\"reason\":\"Неявка\",\"refundAmount\":" + money("100.00") + "}").status()).isEqualTo(200);
        Api.Response cancelled = detail(order);
        assertThat(cancelled.text("/refundDue/value")).isEqualTo("100.00");
        JsonNode events = auditor.get("/api/audit/orders/" + order + "/events").json();
        JsonNode cancellation = events.get(events.size() - 1);
        assertThat(cancellation.path("type").asText()).isEqualTo("OrderCancelled");
        assertThat(cancellation.at("/payload/refundDecided/value").asText()).isEqualTo("100.00");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("К возврату гостю: 100,00");
    }
}
