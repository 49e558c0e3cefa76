package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.JarNode;
import com.orderdesk.app.support.OrderBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30: the rental's deadlines on two application processes on one PostgreSQL. A deadline made due while both run
 * runs once — one node's log says it ran, the order has one «Не пришёл»; then the node that took the orders is killed
 * with SIGKILL, and the other runs the deadlines that node set. The processes go by the wall clock: the test's catalog
 * (its own file, no opening hours) lets staff book from the start of the current hour, so the rental has begun by the
 * time its deadline is made due (the row's time set to now, as the restart test does).
 */
class RentalDeadlineClusterIT {
    private final List<JarNode> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        nodes.forEach(JarNode::close);
    }

    private JarNode start(int index, Path dir, String jdbcUrl, Path catalog) throws Exception {
        JarNode node = JarNode.start("deadlines" + index, dir.resolve("node" + index), List.of(
                "--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.config.additional-location=file:" + catalog.toAbsolutePath(),
                "--orderdesk.demo.seed-orders=false", "--orderdesk.demo.embedded-mail=false",
                "--db-scheduler.heartbeat-interval=2s",
                "--orderdesk.data-dir=" + dir.resolve("node" + index).resolve("data")));
        nodes.add(node);
        return node;
    }

    /** The demo coworking, open every hour, its guests marked absent an hour after the start and completed an hour after the end. */
    private static Path catalog(Path dir) throws Exception {
        Path file = dir.resolve("catalog.yml");
        Files.writeString(file, """
                orderdesk:
                  catalog:
                    services:
                      - id: coworking-2nd-floor
                        name: Коворкинг на 2 этаже
                        time-zone: Asia/Yekaterinburg
                        capacity: 100
                        check-in-from: 30m
                        no-show-after: 1h
                        complete-after: 1h
                        tariffs:
                          - id: standard
                            name: Стандарт
                            unit-price: 100.00
                            vat-code: 11
                        staff:
                          - id: manager
                            name: Ирина Соколова
                """);
        return file;
    }

    /** A desk order from the start of the current hour in Perm, two hours, paid in full; its id. */
    private static String placePaid(JarNode node) {
        Api manager = node.as("manager");
        for (int attempt = 0; ; attempt++) {
            ZonedDateTime hour = ZonedDateTime.now(OrderBodies.PERM).truncatedTo(ChronoUnit.HOURS);
            String body = OrderBodies.order("coworking-2nd-floor", hour.toOffsetDateTime(), hour.plusHours(2).toOffsetDateTime(), "FULL", null);
            Api.Response placed = manager.post("/api/orders", body);
            if (placed.status() == 201 || attempt > 0) {
                assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
                String order = placed.text("/orderId");
                assertThat(manager.post("/api/orders/" + order + "/payments", HttpTestBase.payment("200.00", "CASH")).status()).isEqualTo(201);
                return order;
            }
            // the hour turned between reading the clock and placing: once more with the new one
        }
    }

    @Test
    void aDeadlineRunsOnceOnTwoNodesAndTheSurvivorRunsTheKilledNodesDeadlines(@TempDir Path dir) throws Exception {
        String jdbcUrl = TestDatabase.newPostgresDatabase();
        Path catalog = catalog(dir);
        JarNode first = start(1, dir, jdbcUrl, catalog).awaitReady(); // migrates the database
        JarNode second = start(2, dir, jdbcUrl, catalog).awaitReady();

        String both = placePaid(first);
        String orphaned = placePaid(first);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            assertThat(deadlines(db, both)).as("no-show and completion set when placed").hasSize(2);

            // while both run: the no-show deadline runs once
            makeDue(db, both, "NO_SHOW");
            Api.Response marked = Await.until("the no-show of " + both, () -> second.as("manager").get("/api/orders/" + both),
                    r -> "NO_SHOW".equals(r.text("/status")));
            Await.until("its row is gone", () -> deadlines(db, both).size() == 1);
            JsonNode events = second.as("auditor").get("/api/audit/orders/" + both + "/events").json();
            assertThat(events.findValuesAsText("type").stream().filter("OrderMarkedNoShow"::equals)).hasSize(1);
            long ran = 0;
            for (JarNode node : List.of(first, second)) {
                ran += Files.readAllLines(node.log()).stream().filter(line -> line.contains("Rental deadline NO_SHOW of order " + both)).count();
            }
            assertThat(ran).as("nodes that ran the deadline").isEqualTo(1);
            assertThat(marked.text("/statusLabel")).isEqualTo("Не пришёл");

            // the node that took the orders dies; the other runs what it set
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            makeDue(db, orphaned, "NO_SHOW");
            Await.until("the survivor marks the killed node's order", Duration.ofSeconds(90),
                    () -> second.as("manager").get("/api/orders/" + orphaned), r -> "NO_SHOW".equals(r.text("/status")));
            assertThat(Files.readAllLines(second.log()).stream().anyMatch(line -> line.contains("Rental deadline NO_SHOW of order " + orphaned)))
                    .isTrue();
            assertThat(second.as("auditor").get("/api/audit/orders/" + orphaned + "/verify").json().path("intact").asBoolean()).isTrue();
        }
    }

    private static List<String> deadlines(Connection db, String order) {
        try (PreparedStatement query = db.prepareStatement(
                "select task_instance from scheduled_tasks where task_name = 'rental-deadline' and task_instance like ?")) {
            query.setString(1, order + "/%");
            List<String> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void makeDue(Connection db, String order, String deadline) throws java.sql.SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "update scheduled_tasks set execution_time = ? where task_name = 'rental-deadline' and task_instance like ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, order + "/" + deadline + "/%");
            assertThat(update.executeUpdate()).as(deadline + " of " + order).isEqualTo(1);
        }
    }
}
