package com.orderdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes a store as this build leaves it, for {@link PlatformUpgradeTest} (issue 28): run on the build being
 * replaced, with {@code -Dstore.fixture.write=<directory>} (and {@code -Dorderdesk.test.database=postgres} for the
 * PostgreSQL dump, which needs {@code pg_dump} on the path). The store holds what a running service has: orders placed
 * at the desk and by guests, payments at the desk and online, a refund through the gateway, 54-ФЗ receipts, a
 * message; sagas waiting (one payment deadline already past by the time anyone reads the store, one ten years ahead,
 * settlement receipts due at the rentals' end); every processor's token; a dead letter; an idempotency record; the
 * mail outbox. {@code <database>/facts.json} names what the upgrade test looks for. (The module's two surefire runs write both.)
 * <p>
 * The rentals are a month after the writing; the upgrade test runs the service's clock from the moment of writing.
 * The fixture under {@code src/test/resources/store-fixture/boot-3.5} was written by commit 0da3620 (Spring Boot
 * 3.5.16, Axon 4.13.0, H2 2.3.232, PostgreSQL 14) on 2026-12-07.
 */
@EnabledIfSystemProperty(named = "store.fixture.write", matches = ".+")
class StoreFixtureWriter {
    @Test
    void writeTheStoreOfThisBuild(@TempDir Path dataDir) throws Exception {
        Path out = Path.of(System.getProperty("store.fixture.write")).toAbsolutePath();
        ObjectNode facts = new ObjectMapper().createObjectNode();
        facts.put("writtenAt", Instant.now().toString());
        facts.put("springBoot", org.springframework.boot.SpringBootVersion.getVersion());

        try (TestApp app = TestApp.start(dataDir)) {
            Api manager = app.as("manager");
            Api guest = app.as("guest");
            Api auditor = app.as("auditor");
            Api anonymous = app.anonymous();
            // rentals a month ahead (the upgrade test runs the service's clock from the moment the fixture was written)
            LocalDate DAY = app.clock().today(OrderBodies.PERM).plusDays(30);
            facts.put("firstRentalDay", DAY.toString());

            // a guest's order awaiting its online prepayment: its deadline (15 min) is long past when the fixture is read
            Api.Response expiring = guest.post("/api/my/orders", OrderBodies.order("coworking-2nd-floor", DAY, 10, 12, "FULL", null));
            assertThat(expiring.status()).as(expiring.toString()).isEqualTo(201);
            facts.put("expiring", expiring.text("/orderId"));

            // a guest's order paid online (captured, its receipts registered), and one paid online then cancelled
            // by the guest: refunded through the gateway with a refund receipt
            facts.put("paidOnline", payOnline(app, guest, anonymous, DAY.plusDays(2)));
            String refunded = payOnline(app, guest, anonymous, DAY.plusDays(3));
            Api.Response cancelled = guest.post("/api/my/orders/" + refunded + "/cancellation", "{\"reason\":\"Планы изменились\"}");
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            facts.put("refunded", refunded);

            // a desk order, placed with an idempotency key; part paid in cash, a message
            String key = "store-fixture-desk-order";
            Api.Response desk = manager.header("Idempotency-Key", key).post("/api/orders",
                    OrderBodies.order("coworking-2nd-floor", DAY.plusDays(4), 10, 14, "PARTIAL", "svetlana.orlova@example.org"));
            assertThat(desk.status()).as(desk.toString()).isEqualTo(201);
            String deskOrder = desk.text("/orderId");
            facts.put("desk", deskOrder);
            facts.put("deskNumber", desk.text("/number"));
            facts.put("deskIdempotencyKey", key);
            facts.put("deskAnswer", desk.body());
            assertThat(manager.post("/api/orders/" + deskOrder + "/payments", OrderBodies.payment("150.00", "CASH")).status()).isEqualTo(201);
            assertThat(manager.post("/api/orders/" + deskOrder + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"до перехода на Spring Boot 4\"}")
                    .status()).isEqualTo(201);

            // a desk order whose form could not take a payment: parked as the order form's dead letter
            Api.Response parked = manager.post("/api/orders", OrderBodies.order("coworking-2nd-floor", DAY.plusDays(5), 10, 12, "PARTIAL", null));
            String parkedOrder = parked.text("/orderId");
            facts.put("deadLetter", parkedOrder);
            JdbcTemplate jdbc = app.jdbc();
            settle(app, auditor, true);
            String document = jdbc.queryForObject("select document from order_detail where order_id = ?", String.class, parkedOrder);
            jdbc.update("update order_detail set document = '{not json' where order_id = ?", parkedOrder);
            assertThat(manager.post("/api/orders/" + parkedOrder + "/payments", OrderBodies.payment("100.00", "CASH")).status()).isEqualTo(201);
            Await.until("the order parked", () -> auditor.get("/api/admin/projections/order-detail"),
                    r -> r.json().path("deadLetters").asLong() == 1 && r.json().path("lag").asLong() == 0);
            jdbc.update("update order_detail set document = ? where order_id = ?", document, parkedOrder);

            settle(app, auditor, true);
        }

        // a guest's order placed under a ten-year payment timeout while the gateway is down: still awaiting its payment
        // when the fixture is read, its saga holding the payment to create and a retry deadline (the demo's gateway
        // keeps its payments in memory: one created before the restart would be gone after it)
        try (TestApp app = TestApp.start(dataDir, "--orderdesk.gateway.payment-timeout=3650d")) {
            com.orderdesk.app.support.SimulatorFaults.none().withFailedCreates(1_000_000).applyTo(app.anonymous());
            Api.Response awaiting = app.as("guest").post("/api/my/orders", OrderBodies.order("coworking-2nd-floor",
                    LocalDate.parse(facts.path("firstRentalDay").asText()).plusDays(1), 10, 12, "FULL", null));
            assertThat(awaiting.status()).as(awaiting.toString()).isEqualTo(201);
            facts.put("awaiting", awaiting.text("/orderId"));
            Await.until("the gateway's payment creation to be retried", () -> app.jdbc().queryForObject(
                    "select count(*) from scheduled_tasks", Integer.class) == 3);
            settle(app, app.as("auditor"), false);
            JdbcTemplate jdbc = app.jdbc();
            facts.put("events", jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
            facts.put("head", jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
            facts.put("sagas", jdbc.queryForObject("select count(*) from saga_entry", Long.class));
            facts.put("deadlines", jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class));
            facts.put("mails", jdbc.queryForObject("select count(*) from notification_outbox", Long.class));
            facts.put("deadLetters", jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class));
            facts.put("tokens", jdbc.queryForObject("select count(*) from token_entry", Long.class));
        }

        save(dataDir, out, facts);
    }

    /**
     * The store in {@code dataDir} and its {@code facts} into {@code out}/{h2,postgresql}: the H2 file itself, or a
     * {@code pg_dump --inserts} of the PostgreSQL database (which needs {@code pg_dump} on the path).
     */
    static void save(Path dataDir, Path out, ObjectNode facts) throws Exception {
        Path to = out.resolve(TestDatabase.POSTGRES ? "postgresql" : "h2");
        Files.createDirectories(to);
        Files.write(to.resolve("facts.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(facts));
        if (TestDatabase.POSTGRES) {
            String url = TestDatabase.arguments(dataDir.toString()).stream().filter(a -> a.startsWith("--spring.datasource.url="))
                    .findFirst().orElseThrow().substring("--spring.datasource.url=".length());
            java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
            Process dump = new ProcessBuilder("pg_dump", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", "postgres",
                    "--inserts", "--no-owner", "--no-privileges", "-f", to.resolve("store.sql").toString(), uri.getPath().substring(1))
                    .inheritIO().start();
            assertThat(dump.waitFor()).as("pg_dump").isZero();
        } else {
            Files.copy(dataDir.resolve("orderdesk.mv.db"), to.resolve("orderdesk.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A guest's order at {@code day} paid online in full; its id once the payment is recorded and settled. */
    static String payOnline(TestApp app, Api guest, Api anonymous, LocalDate day) {
        Api.Response placed = guest.post("/api/my/orders", OrderBodies.order("coworking-2nd-floor", day, 10, 12, "FULL", null));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        Api.Response pay = guest.post("/api/my/orders/" + order + "/payment", null);
        assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
        assertThat(anonymous.post("/simulator/control/payments/" + pay.text("/paymentId") + "/succeed", null).status()).isEqualTo(200);
        Await.until("the online payment recorded", () -> app.as("manager").get("/api/orders/" + order),
                r -> "PAID".equals(r.text("/paymentStatus")));
        return order;
    }

    /**
     * Until the store's head has stood still for 2 s (and, with {@code deadlines}, no saga deadline is due within 30 s)
     * and every projection is there.
     */
    static void settle(TestApp app, Api auditor, boolean deadlines) {
        Await.atRest(Duration.ofMinutes(3), () -> app.jdbc().queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class),
                () -> deadlines && app.jdbc().queryForObject("select count(*) from scheduled_tasks where execution_time < ?", Integer.class,
                        java.sql.Timestamp.from(Instant.now().plus(Duration.ofSeconds(30)))) > 0, Duration.ofSeconds(2));
        Await.until("projections caught up", () -> auditor.get("/api/admin/projections"), HttpTestBase::allCaughtUp);
        // (a reminder before the rental stays pending: it is sent the day before)
        Await.until("mail due now sent", () -> app.jdbc().queryForObject("select count(*) from notification_outbox where status = 'PENDING' "
                + "and send_after < ?", Integer.class, java.sql.Timestamp.from(app.clock().instant())) == 0);
    }
}
