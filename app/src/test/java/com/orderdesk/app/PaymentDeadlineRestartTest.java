package com.orderdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A payment deadline scheduled before a stop fires after the restart: the unpaid online order is cancelled. */
class PaymentDeadlineRestartTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(OrderDeskApplication.class).profiles("demo")
                .run(TestDatabase.withArguments(dataDir.toString(), "--server.port=0", "--orderdesk.demo.seed-orders=false",
                        "--orderdesk.gateway.payment-timeout=6s", "--spring.jmx.enabled=false"));
    }

    @Test
    void anUnpaidOnlineOrderIsCancelledByItsDeadlineEvenAcrossARestart(@TempDir Path dataDir) throws Exception {
        String order;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api guest = Api.at(((WebServerApplicationContext) first).getWebServer().getPort()).as("guest");
            Api.Response placed = guest.post("/api/my/orders", HttpTestBase.orderBody(3, 2, "FULL"));
            assertThat(placed.status()).isEqualTo(201);
            order = placed.text("/orderId");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            Instant deadline = Instant.now().plusSeconds(10);
            while (jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class))
                    .as("the deadline is in the database before the stop").isPositive();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api manager = Api.at(((WebServerApplicationContext) second).getWebServer().getPort()).as("manager");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
            Api.Response detail = manager.get("/api/orders/" + order);
            while (!"CANCELLED".equals(detail.text("/status")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                detail = manager.get("/api/orders/" + order);
            }
            assertThat(detail.text("/status")).isEqualTo("CANCELLED");
            assertThat(detail.text("/cancellation/reason")).isEqualTo("Истек срок оплаты");
            assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Заказ отменён: Истек срок оплаты.");

            // the auditor sees that the deadline cancelled it, and why
            com.fasterxml.jackson.databind.JsonNode events = manager.as("auditor").get("/api/audit/orders/" + order + "/events").json();
            com.fasterxml.jackson.databind.JsonNode cancelled = events.get(events.size() - 1);
            assertThat(cancelled.path("type").asText()).isEqualTo("OrderCancelled");
            assertThat(cancelled.at("/actor/channel").asText()).isEqualTo("DEADLINE");
            assertThat(cancelled.at("/metadata/cause").asText()).startsWith("Истёк срок онлайн-оплаты (6 с) по запросу ");
            assertThat(cancelled.at("/metadata/causationId").asText()).isNotBlank();
            assertThat(manager.as("auditor").get("/api/audit/orders/" + order + "/verify").json().path("intact").asBoolean()).isTrue();
        }
    }

    @Test
    void aPaymentTheGuestCompletedIsHonouredAtTheDeadlineEvenWhenItsNotificationIsLost(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Api anonymous = Api.at(((WebServerApplicationContext) app).getWebServer().getPort());
            Api guest = anonymous.as("guest");
            Api.Response placed = guest.post("/api/my/orders", HttpTestBase.orderBody(3, 2, "FULL"));
            assertThat(placed.status()).isEqualTo(201);
            String order = placed.text("/orderId");
            Api.Response pay = guest.post("/api/my/orders/" + order + "/payment", null);
            assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
            // every notification about it is lost; the guest completes the payment in time
            assertThat(anonymous.post("/simulator/control/faults", "{\"failCreates\":0,\"timeoutCreates\":0,\"duplicates\":1,"
                    + "\"outOfOrder\":false,\"delayMillis\":0,\"dropNotifications\":true}").status()).isEqualTo(200);
            assertThat(anonymous.post("/simulator/control/payments/" + pay.text("/paymentId") + "/succeed", null).status()).isEqualTo(200);

            Api manager = anonymous.as("manager");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
            Api.Response detail = manager.get("/api/orders/" + order);
            while (!"PAID".equals(detail.text("/paymentStatus")) && !"CANCELLED".equals(detail.text("/status"))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                detail = manager.get("/api/orders/" + order);
            }
            assertThat(detail.text("/status")).as(detail.toString()).isEqualTo("CONFIRMED");
            assertThat(detail.text("/paid/value")).isEqualTo("200.00");
            com.fasterxml.jackson.databind.JsonNode payments = anonymous.get("/simulator/control/payments?orderId=" + order).json();
            assertThat(payments.get(0).path("status").asText()).as("captured at the gateway").isEqualTo("succeeded");
        }
    }
}
