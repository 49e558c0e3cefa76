package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.SimulatorFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online payments end to end over real HTTP: our service, the gateway simulator in the same application, its
 * notifications to our webhook — with duplicates, reordering, forgeries, early arrivals and gateway failures.
 */
class PaymentFlowHttpTest extends HttpTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @AfterEach
    void noFaults() {
        simulatorFaults(SimulatorFaults.none());
    }

    @Test
    void theGuestPaysOnlineAndTheOrderIsConfirmed() {
        String order = placeOnline();
        String payment = pressPay(order);
        assertThat(anonymous.get("/simulator/checkout/" + payment).body()).contains("100.00").contains("Оплатить");
        assertThat(anonymous.post("/simulator/control/payments/" + payment + "/succeed", null).status()).isEqualTo(200);

        Api.Response confirmed = eventually("confirmation", () -> guest.get("/api/my/orders/" + order),
                r -> "CONFIRMED".equals(r.text("/status")));
        assertThat(confirmed.text("/paid/value")).isEqualTo("100.00");
        assertThat(confirmed.text("/payments/0/source")).isEqualTo("GATEWAY");
        assertThat(guest.get("/api/my/orders/" + order + "/timeline").body()).contains("Поступила оплата через платёжный шлюз.");

        // the rest online too: «Оплатить» again pays the remainder and reads «Подтвержден»
        String rest = pressPay(order);
        assertThat(anonymous.post("/simulator/control/payments/" + rest + "/succeed", null).status()).isEqualTo(200);
        Api.Response paid = eventually("full payment", () -> guest.get("/api/my/orders/" + order),
                r -> "PAID".equals(r.text("/paymentStatus")));
        assertThat(paid.text("/paymentStatusLabel")).isEqualTo("Подтвержден");
        assertThat(paid.text("/remainder/value")).isEqualTo("0.00");
    }

    @Test
    void aNotificationDeliveredTenTimesRecordsOnePayment() {
        String order = placeOnline();
        String payment = pressPay(order);
        simulatorFaults(SimulatorFaults.none().withDuplicates(10));
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        eventually("payment", () -> detail(order), r -> r.json().at("/payments").size() >= 1);
        // every delivery has reached the inbox and the notification is processed: nothing more can come of them
        Await.until("ten deliveries of the notification, processed", () -> inbox("payment.succeeded:" + payment),
                row -> row.deliveries() >= 10 && row.processed());
        Api.Response settled = detail(order);
        assertThat(settled.json().at("/payments").size()).isEqualTo(1);
        assertThat(settled.text("/paid/value")).isEqualTo("100.00");
    }

    @Test
    void outOfOrderAndDelayedNotificationsEndInTheRightState() {
        String order = placeOnline();
        String payment = pressPay(order);
        simulatorFaults(SimulatorFaults.none().withDuplicates(2).withOutOfOrder(300));
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        Api.Response confirmed = eventually("confirmation", () -> detail(order), r -> "CONFIRMED".equals(r.text("/status")));
        assertThat(confirmed.json().at("/payments").size()).isEqualTo(1);
    }

    @Test
    void aForgedNotificationRecordsNothing() {
        String order = placeOnline();
        String payment = pressPay(order);
        // the body says succeeded, but the gateway, asked, says pending
        Api.Response forged = anonymous.post("/api/webhooks/payments", """
                {"type":"notification","event":"payment.succeeded","object":{"id":"%s","status":"succeeded","paid":true,
                 "amount":{"value":"100000.00","currency":"RUB"},"metadata":{"orderId":"%s"}}}""".formatted(payment, order));
        assertThat(forged.status()).isEqualTo(200);
        // handled: the gateway, asked, did not confirm it, and the inbox set it aside
        Await.until("the forgery set aside", () -> inbox("payment.succeeded:" + payment), row -> row.outcome().startsWith("rejected"));
        assertThat(detail(order).json().at("/payments").size()).isZero();
        assertThat(detail(order).text("/status")).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void malformedOrUnknownNotificationsAreRefusedWithoutEffect() {
        assertThat(anonymous.post("/api/webhooks/payments", "{not json").status()).isEqualTo(400);
        assertThat(anonymous.post("/api/webhooks/payments", "{\"type\":\"notification\",\"event\":\"payment.stolen\",\"object\":{\"id\":\"x\"}}")
                .status()).isEqualTo(400);
        assertThat(anonymous.post("/api/webhooks/payments", "{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{}}")
                .status()).isEqualTo(400);
    }

    @Test
    void aNotificationArrivingBeforeItsOrderIsProcessedOnceTheOrderExists() {
        String key = "early-" + UUID.randomUUID();
        String futureOrder = UUID.randomUUID().toString();
        Api shop = anonymous.header("Authorization", "Basic ZGVtby1zaG9wOmRlbW8tc2VjcmV0").header("Idempotence-Key", key);
        Api.Response created = shop.post("/simulator/v3/payments", """
                {"amount":{"value":"100.00","currency":"RUB"},"capture":true,"confirmation":{"type":"redirect","return_url":"/"},
                 "description":"early","metadata":{"orderId":"%s"}}""".formatted(futureOrder));
        assertThat(created.status()).isEqualTo(200);
        anonymous.post("/simulator/control/payments/" + created.text("/id") + "/succeed", null);

        // the order comes into being after its payment was made and notified (placed through the command side under the
        // id the payment names: the API gives every new order an id of its own)
        java.time.LocalDate day = today().plusDays(6);
        commands.sendAndWait(com.orderdesk.shared.audit.Attribution.sentBy(
                new com.orderdesk.shared.value.Actor("manager", "Ирина Соколова", com.orderdesk.shared.value.Role.RENTAL_MANAGER,
                        com.orderdesk.shared.value.Channel.DESK),
                new com.orderdesk.shared.order.command.PlaceOrder(futureOrder, "coworking-2nd-floor", "standard",
                        new com.orderdesk.shared.value.RentalPeriod(day.atTime(10, 0).atZone(PERM).toInstant(), day.atTime(14, 0).atZone(PERM).toInstant()),
                        "301", new com.orderdesk.shared.value.Person("Светлана Орлова", com.orderdesk.shared.value.Phone.parse("+7 912 555-12-34")),
                        new com.orderdesk.shared.value.Applicant("Светлана Орлова", null, com.orderdesk.shared.value.Phone.parse("+7 912 555-12-34")),
                        com.orderdesk.shared.order.PaymentPlan.PARTIAL, null)));
        Api.Response paid = eventually("the early payment", () -> detail(futureOrder), r -> r.json().at("/payments").size() == 1);
        assertThat(paid.text("/paid/value")).isEqualTo("100.00");
    }

    @Test
    void gatewayFailuresOnCreateAreRetriedWithoutCreatingTwoPayments() {
        simulatorFaults(SimulatorFaults.none().withFailedCreates(2));
        String order = placeOnline();
        Api.Response payments = eventually("the payment page", () -> anonymous.get("/simulator/control/payments?orderId=" + order),
                r -> r.json().size() > 0);
        assertThat(payments.json().size()).isEqualTo(1);
        assertThat(pressPay(order)).isEqualTo(payments.json().get(0).path("id").asText());
        assertThat(anonymous.get("/simulator/control/payments?orderId=" + order).json().size()).isEqualTo(1);
    }

    @Test
    void cancellingAPaidOrderRefundsThroughTheGatewayUntilNothingIsOwed() {
        String order = placeOnline();
        String payment = payOnline(order);

        assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}").status()).isEqualTo(200);
        Api.Response refunded = eventually("the refund", () -> detail(order), r -> "REFUNDED".equals(r.text("/paymentStatus")));
        assertThat(refunded.text("/refundDue/value")).isEqualTo("0.00");
        assertThat(refunded.text("/refunds/0/source")).isEqualTo("GATEWAY");
        assertThat(refunded.text("/refunds/0/amount/value")).isEqualTo("100.00");
        JsonNode timeline = manager.get("/api/orders/" + order + "/timeline").json();
        assertThat(timeline.toString()).contains("Возврат 100,00\u00a0₽ через платёжный шлюз выполнен.");
    }

    @Test
    void aDeclinedPaymentSaysSoAndTheGuestMayTryAgain() {
        String order = placeOnline();
        String payment = pressPay(order);
        anonymous.post("/simulator/control/payments/" + payment + "/cancel", null);
        eventually("the decline", () -> manager.get("/api/orders/" + order + "/timeline"),
                r -> r.body().contains("Онлайн-оплата не прошла"));
        String again = pressPay(order);
        assertThat(again).isNotEqualTo(payment);
        assertThat(detail(order).text("/status")).isEqualTo("AWAITING_PAYMENT");
    }
}
