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
}
