package com.orderdesk.app;

import com.orderdesk.app.support.JarNode;
import com.orderdesk.app.support.OrderBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27: the last places of an hour, raced for from three application processes on one PostgreSQL. The coworking
 * (12 places) has 9 of an hour sold; 40 requests for that hour arrive at once, spread over the three nodes, desk and
 * guest alike. Exactly 3 orders hold the 3 places; the other 37 are told {@code 409 no-capacity}; the table of held
 * hours holds 12 rows for the hour, one per place; and every read model equals a fresh replay.
 */
class SpaceClusterIT {
    private static final int SOLD = 9;
    private static final int RACERS = 40;
    private final List<JarNode> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        nodes.forEach(JarNode::close);
    }

    private JarNode start(int index, Path dir, String jdbcUrl) throws Exception {
        JarNode node = JarNode.start("space" + index, dir.resolve("node" + index), List.of(
                "--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--orderdesk.demo.seed-orders=false", "--orderdesk.demo.embedded-mail=false",
                "--orderdesk.data-dir=" + dir.resolve("node" + index).resolve("data")));
        nodes.add(node);
        return node;
    }

    @Test
    void fortyRequestsOnThreeNodesForTheLastThreePlacesOfAnHourPlaceExactlyThreeOrders(@TempDir Path dir) throws Exception {
        String jdbcUrl = TestDatabase.newPostgresDatabase();
        JarNode first = start(1, dir, jdbcUrl).awaitReady(); // migrates the database
        JarNode second = start(2, dir, jdbcUrl);
        JarNode third = start(3, dir, jdbcUrl);
        second.awaitReady();
        third.awaitReady();
        List<JarNode> all = List.of(first, second, third);

        LocalDate day = LocalDate.now(OrderBodies.PERM).plusDays(4);
        String hour = OrderBodies.order("coworking-2nd-floor", day, 15, 16, "FULL", null);
        for (int i = 0; i < SOLD; i++) {
            Api.Response placed = all.get(i % 3).as("manager").post("/api/orders", hour);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        }

        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                JarNode node = all.get(i % 3);
                boolean desk = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    go.await();
                    return desk ? node.as("manager").post("/api/orders", hour) : node.as("guest").post("/api/my/orders", hour);
                }));
            }
            go.countDown();
            Map<String, Integer> byAnswer = new TreeMap<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(3, TimeUnit.MINUTES);
                String key = response.status() + (response.status() >= 400 ? " " + response.code() : "");
                byAnswer.merge(key, 1, Integer::sum);
            }
            System.out.println("── space cluster test: " + RACERS + " requests for the last " + (12 - SOLD)
                    + " places of an hour on 3 nodes: " + byAnswer);
            assertThat(byAnswer).isEqualTo(Map.of("201", 3, "409 no-capacity", RACERS - 3));
        } finally {
            pool.shutdownNow();
        }

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select count(*), count(distinct place), min(place), max(place) from space_hold "
                     + "where service_id = 'coworking-2nd-floor'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("rows held for the hour").isEqualTo(12);
            assertThat(rows.getInt(2)).as("each place once").isEqualTo(12);
            assertThat(rows.getInt(3)).isZero();
            assertThat(rows.getInt(4)).isEqualTo(11);
        }
        Api.Response free = first.as("guest").get("/api/catalog/services/coworking-2nd-floor/availability?from=" + day + "&to=" + day);
        assertThat(free.json().path("slots").findValues("free").stream().filter(f -> f.asInt() == 0).count())
                .as("one full hour").isEqualTo(1);

        // every read model equals a fresh replay, once the guests' orders have their payment pages (the payment saga's
        // work after the answer) and every processor is past every event
        com.orderdesk.app.support.Await.until("every guest order's payment created", () -> {
            try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                 Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from order_detail where document like '%\"AWAITING_PAYMENT\"%' "
                         + "and document not like '%\"status\":\"PENDING\"%'")) {
                rows.next();
                return rows.getInt(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, waiting -> waiting == 0);
        Api auditor = first.as("auditor");
        ClusterIT.awaitCaughtUp(auditor);
        Map<String, List<String>> before = ClusterIT.readModels(jdbcUrl);
        assertThat(before.get("order_summary")).as("the placed orders").hasSize(SOLD + 3);
        for (String projection : List.of("order-list", "order-detail", "order-timeline", "cash-book")) {
            Api.Response replay = auditor.post("/api/admin/projections/" + projection + "/replay", null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        }
        ClusterIT.awaitCaughtUp(auditor);
        assertThat(ClusterIT.readModels(jdbcUrl)).isEqualTo(before);
    }
}
