package com.orderdesk.app;

import com.orderdesk.app.support.JarNode;
import com.orderdesk.app.support.OrderBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 26, one transaction per command: the packaged service halts (as {@code kill -9}) at a seam of a request with an
 * {@code Idempotency-Key} — after its transaction committed but before the answer went out, or while the transaction was
 * still open — is started again on the same store, and the client retries with the same key. Committed: the first
 * answer comes back, replayed, and there is one order. Not committed: the request runs again, once. On H2 (the file) and
 * on PostgreSQL.
 */
class CrashIT {
    private final List<JarNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(JarNode::close);
    }

    private JarNode start(String name, Path dir, List<String> store, String haltAt) throws Exception {
        List<String> properties = new ArrayList<>(List.of("--spring.profiles.active=" + (store.isEmpty() ? "demo" : "demo,postgres"),
                "--orderdesk.demo.seed-orders=false", "--orderdesk.data-dir=" + dir.resolve("data"), "--orderdesk.demo.embedded-mail=false"));
        properties.addAll(store);
        if (haltAt != null) {
            properties.addAll(List.of("--orderdesk.test-faults.halt-at=" + haltAt, "--orderdesk.test-faults.key-prefix=crash-"));
        }
        JarNode node = JarNode.start(name, dir, properties);
        nodes.add(node);
        return node.awaitReady();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"after-commit, h2", "before-commit, h2", "after-commit, postgres", "before-commit, postgres"})
    void aRetryAfterACrashGetsTheFirstAnswerOrRunsOnce(String haltAt, String database, @TempDir Path dir) throws Exception {
        List<String> store = database.equals("postgres")
                ? List.of("--spring.datasource.url=" + TestDatabase.newPostgresDatabase(), "--spring.datasource.username=postgres")
                : List.of();
        String key = "crash-" + UUID.randomUUID();
        String visitor = "Сбой " + UUID.randomUUID().toString().substring(0, 8);
        String body = OrderBodies.order(LocalDate.now(OrderBodies.PERM).plusDays(3), 2, "FULL", null).replace("Светлана Орлова", visitor);

        JarNode crashing = start("crashing", dir, store, haltAt);
        Api first = crashing.as("manager").header("Idempotency-Key", key);
        assertThatThrownBy(() -> first.post("/api/orders", body)).as("the node dies mid-request").isInstanceOf(Api.NoAnswer.class);
        crashing.awaitExit(Duration.ofSeconds(60));
        assertThat(crashing.tail()).contains("TEST FAULT: halting " + haltAt);

        JarNode again = start("again", dir, store, null);
        Api.Response retried = again.as("manager").header("Idempotency-Key", key).post("/api/orders", body);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        if (haltAt.equals("after-commit")) {
            assertThat(retried.header("Idempotent-Replayed")).as("the answer committed with the order").isEqualTo("true");
        } else {
            assertThat(retried.header("Idempotent-Replayed")).as("nothing of the first try committed: it runs now").isNull();
        }
        Api.Response orders = again.as("manager").get("/api/orders?q=" + java.net.URLEncoder.encode(visitor, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(orders.json().path("items")).as("orders of that visitor").hasSize(1);
        assertThat(orders.text("/items/0/orderId")).isEqualTo(retried.text("/orderId"));
        // its places (issue 27): held once — the crash left neither a hold without its order nor an order without its hold
        LocalDate day = LocalDate.now(OrderBodies.PERM).plusDays(3);
        Api.Response free = again.as("manager").get("/api/catalog/services/coworking-2nd-floor/availability?from=" + day + "&to=" + day);
        List<String> hours = new java.util.ArrayList<>();
        free.json().path("slots").forEach(slot -> hours.add(slot.path("start").asText().substring(11, 16) + "=" + slot.path("free").asInt()));
        assertThat(hours).contains("09:00=12", "10:00=11", "11:00=11", "12:00=12");
        // and a repeat now is the same answer again
        Api.Response repeat = again.as("manager").header("Idempotency-Key", key).post("/api/orders", body);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.text("/orderId")).isEqualTo(retried.text("/orderId"));
        assertThat(again.as("auditor").get("/api/audit/orders/" + retried.text("/orderId") + "/verify").json().path("intact").asBoolean())
                .as("the order's seal").isTrue();
    }
}
