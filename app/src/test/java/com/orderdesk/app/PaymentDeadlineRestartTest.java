package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.SimulatorFaults;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A payment deadline scheduled before a stop fires after the restart: the unpaid online order is cancelled. */
class PaymentDeadlineRestartTest {

    private static TestApp start(Path dataDir) {
        return TestApp.start(dataDir, "--orderdesk.gateway.payment-timeout=6s");
    }

    @Test
    void anUnpaidOnlineOrderIsCancelledByItsDeadlineEvenAcrossARestart(@TempDir Path dataDir) {
        String order;
        try (TestApp first = start(dataDir)) {
            Api.Response placed = first.as("guest").post("/api/my/orders", first.orderBody(3, 2, "FULL"));
            assertThat(placed.status()).isEqualTo(201);
            order = placed.text("/orderId");
            Await.until("the deadline is in the database before the stop",
                    () -> first.jdbc().queryForObject("select count(*) from scheduled_tasks", Integer.class) > 0);
        }
        try (TestApp second = start(dataDir)) {
            Api manager = second.as("manager");
            Api.Response detail = Await.until("the deadline cancels the order", () -> manager.get("/api/orders/" + order),
                    r -> "CANCELLED".equals(r.text("/status")));
            assertThat(detail.text("/cancellation/reason")).isEqualTo("Истек срок оплаты");
            assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Заказ отменён: Истек срок оплаты.");

            // the auditor sees that the deadline cancelled it, and why
            JsonNode events = second.as("auditor").get("/api/audit/orders/" + order + "/events").json();
            JsonNode cancelled = events.get(events.size() - 1);
            assertThat(cancelled.path("type").asText()).isEqualTo("OrderCancelled");
            assertThat(cancelled.at("/actor/channel").asText()).isEqualTo("DEADLINE");
            assertThat(cancelled.at("/metadata/cause").asText()).startsWith("Истёк срок онлайн-оплаты (6 с) по запросу ");
            assertThat(cancelled.at("/metadata/causationId").asText()).isNotBlank();
            assertThat(second.as("auditor").get("/api/audit/orders/" + order + "/verify").json().path("intact").asBoolean()).isTrue();
        }
    }

    @Test
    void aPaymentTheGuestCompletedIsHonouredAtTheDeadlineEvenWhenItsNotificationIsLost(@TempDir Path dataDir) {
        try (TestApp app = start(dataDir)) {
            Api anonymous = app.anonymous();
            Api guest = app.as("guest");
            Api.Response placed = guest.post("/api/my/orders", app.orderBody(3, 2, "FULL"));
            assertThat(placed.status()).isEqualTo(201);
            String order = placed.text("/orderId");
            Api.Response pay = guest.post("/api/my/orders/" + order + "/payment", null);
            assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
            // every notification about it is lost; the guest completes the payment in time
            SimulatorFaults.none().withDroppedNotifications().applyTo(anonymous);
            assertThat(anonymous.post("/simulator/control/payments/" + pay.text("/paymentId") + "/succeed", null).status()).isEqualTo(200);

            Api.Response detail = Await.until("the payment recorded or the order cancelled", () -> app.as("manager").get("/api/orders/" + order),
                    r -> "PAID".equals(r.text("/paymentStatus")) || "CANCELLED".equals(r.text("/status")));
            assertThat(detail.text("/status")).as(detail.toString()).isEqualTo("CONFIRMED");
            assertThat(detail.text("/paid/value")).isEqualTo("200.00");
            JsonNode payments = anonymous.get("/simulator/control/payments?orderId=" + order).json();
            assertThat(payments.get(0).path("status").asText()).as("captured at the gateway").isEqualTo("succeeded");
        }
    }
}
