package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input and odd corners (issue 11): bodies bounded before they are read, every accepted text stored and shown by
 * every projection (astral characters, combining marks, the maximum lengths), bounded dates, concurrent twins of
 * one Idempotency-Key, and the webhook's allow-list behind a proxy. Runs on H2 and on PostgreSQL.
 */
class InputBoundsHttpTest extends HttpTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;


    private int inboxSize() {
        return jdbc.queryForObject("select count(*) from payment_inbox", Integer.class);
    }

    @Test
    void aWebhookBodyOver64KibIsRefusedWith413AndNothingIsStored() {
        int before = inboxSize();
        String padding = "x".repeat(64 * 1024);
        Api.Response tooBig = anonymous.post("/api/webhooks/payments", "{\"type\":\"notification\",\"event\":\"payment.succeeded\","
                + "\"object\":{\"id\":\"big-" + UUID.randomUUID() + "\",\"description\":\"" + padding + "\"}}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.code()).isEqualTo("payload-too-large");
        assertThat(tooBig.header("Content-Type")).startsWith("application/problem+json");
        assertThat(inboxSize()).isEqualTo(before);
    }

    @Test
    void anApiBodyOverTheLimitIsRefusedWith413EvenWithoutADeclaredLength() {
        String huge = "{\"visibility\":\"PUBLIC\",\"text\":\"" + "я".repeat(200_000) + "\"}";
        String order = placeDeskOrder(2);
        Api.Response declared = manager.post("/api/orders/" + order + "/messages", huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("payload-too-large");
        Api.Response chunked = manager.sendStreamed("POST", "/api/orders/" + order + "/messages", huge);
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
        Api.Response withKey = manager.header("Idempotency-Key", "big-" + UUID.randomUUID()).sendStreamed("POST",
                "/api/orders/" + order + "/messages", huge);
        assertThat(withKey.status()).as(withKey.toString()).isEqualTo(413);
        assertThat(manager.get("/api/orders/" + order + "/timeline").json().size()).as("nothing recorded").isEqualTo(1);
    }

    @Test
    void everyAcceptedTextIsStoredAndShownByEveryProjection() {
        String emoji = "😀".repeat(2_600);                                   // 2 600 characters, 5 200 UTF-16 units
        String longest = "🏢".repeat(4_000);                                  // the maximum, all astral
        String combining = "Е\u0308ж\u0301 ".repeat(400).strip();            // combining marks count as characters
        String name = "Ж\u0301🎄".repeat(66) + "Ё";                          // 199 characters, 331 units
        Api.Response placed = manager.post("/api/orders", orderBody(4, 2, "FULL").replace("Светлана Орлова\",\"phone\":\"+7 912",
                name + "\",\"phone\":\"+7 912").replace("\"301\"", "\"" + "🎫".repeat(32) + "\""));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        for (String text : List.of(emoji, longest, combining, "после")) {
            Api.Response posted = manager.post("/api/orders/" + order + "/messages",
                    "{\"visibility\":\"PUBLIC\",\"text\":\"" + text + "\"}");
            assertThat(posted.status()).as(text.length() + " units").isEqualTo(201);
        }
        assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"" + longest + "x\"}").code())
                .isEqualTo("validation-failed");
        Api.Response timeline = eventually("every message in the timeline", () -> manager.get("/api/orders/" + order + "/timeline"),
                r -> r.json().size() == 5);
        List<String> texts = new ArrayList<>();
        for (JsonNode entry : timeline.json()) {
            texts.add(entry.path("text").asText());
        }
        assertThat(texts.subList(1, 5)).containsExactly(emoji, longest, combining, "после");
        assertThat(detail(order).text("/visitor/name")).isEqualTo(name);
        assertThat(detail(order).text("/ticket/number")).isEqualTo("🎫".repeat(32));
        Api.Response listed = manager.get("/api/orders?q=" + detail(order).text("/number"));
        assertThat(listed.text("/items/0/visitorName")).isEqualTo(name);
        assertThat(auditor.get("/api/admin/projections").body()).doesNotContain("\"deadLetters\":1");
    }

    @Test
    void bookingsAreBoundedInTimeAndListFiltersWithAbsurdDatesAreRefused() {
        String farAhead = orderBody(400, 2, "FULL");
        Api.Response tooFar = manager.post("/api/orders", farAhead);
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.code()).isEqualTo("validation-failed");
        Api.Response year9999 = manager.post("/api/orders", orderBody(3, 2, "FULL")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T", "9999-08-11T"));
        assertThat(year9999.status()).isEqualTo(400);
        LocalDate day = today().plusDays(3);
        Api.Response tooLong = manager.post("/api/orders", orderBody(3, 2, "FULL").replaceFirst(
                "\"end\":\"[^\"]+\"", "\"end\":\"" + day.plusDays(40).atTime(10, 0).atZone(PERM).toOffsetDateTime() + "\""));
        assertThat(tooLong.status()).isEqualTo(400);
        for (String absurd : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01", "+10000-01-01T00:00Z")) {
            Api.Response list = manager.get("/api/orders?createdFrom=" + absurd.replace("+", "%2B"));
            assertThat(list.status()).as(absurd).isEqualTo(400);
            assertThat(list.code()).isEqualTo("validation-failed");
        }
        for (String farButValid : List.of("9999-12-30", "9999-12-30T00:00Z")) {
            Api.Response list = manager.get("/api/orders?createdFrom=" + farButValid);
            assertThat(list.status()).as(farButValid).isEqualTo(200);
            assertThat(list.json().path("total").asInt()).isZero();
        }
        assertThat(manager.get("/api/orders?createdFrom=2000-01-01&createdTo=2000-01-02").json().path("total").asInt()).isZero();
    }

    @Test
    void twinsWithOneIdempotencyKeyBothGetTheFirstAnswer() throws Exception {
        String key = "twin-" + UUID.randomUUID();
        int twins = 8;
        ExecutorService pool = Executors.newFixedThreadPool(twins);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < twins; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return manager.header("Idempotency-Key", key).post("/api/orders", orderBody(5, 3, "FULL"));
                }));
            }
            start.countDown();
            String orderId = null;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                orderId = orderId == null ? response.text("/orderId") : orderId;
                assertThat(response.text("/orderId")).isEqualTo(orderId);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A claim as the filter writes it: the caller's key, and the request it was made for. */
    private void claimLeftBehind(String key, String body, Instant updatedAt) {
        OffsetDateTime at = updatedAt.atOffset(ZoneOffset.UTC);
        jdbc.update("insert into idempotency_record (scope_hash, principal, fingerprint, completed, created_at, updated_at)"
                + " values (?, 'manager', ?, false, ?, ?)", sha256("manager\n" + key), sha256("POST /api/orders?null\n" + sha256(body)), at, at);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClaimAnEarlierVersionLeftUnansweredIsLeftAloneForAMinuteThenDroppedAndTheRequestRunsOnce() {
        // the earlier version wrote its claim in a transaction of its own: one without an answer is a request still
        // running on a node of that version (a rolling upgrade) — or, silent for a minute, one that died (nothing of it
        // committed with the claim, docs/adr/017)
        String running = "running-old-" + UUID.randomUUID();
        String body = orderBody(6, 2, "FULL");
        claimLeftBehind(running, body, clock.instant().minusSeconds(5));
        Api.Response meanwhile = manager.header("Idempotency-Key", running).post("/api/orders", body);
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(409);
        assertThat(meanwhile.code()).isEqualTo("idempotency-key-in-use");

        String key = "died-" + UUID.randomUUID();
        claimLeftBehind(key, body, clock.instant().minusSeconds(61));
        Api.Response retry = manager.header("Idempotency-Key", key).post("/api/orders", body);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        Api.Response again = manager.header("Idempotency-Key", key).post("/api/orders", body);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text("/orderId")).isEqualTo(retry.text("/orderId"));
    }

    @Test
    void aRepeatWhileTheFirstStillRunsWaitsThenIsToldTheKeyIsInUse() throws Exception {
        String key = "running-" + UUID.randomUUID();
        String body = orderBody(6, 2, "FULL");
        int before = manager.get("/api/orders?size=1").json().path("total").asInt();
        // the first request, still running: its claim inserted in its transaction, not committed
        try (java.sql.Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (java.sql.PreparedStatement claim = first.prepareStatement("insert into idempotency_record"
                    + " (scope_hash, principal, fingerprint, completed, created_at, updated_at) values (?, 'manager', ?, false, ?, ?)")) {
                OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
                claim.setString(1, sha256("manager\n" + key));
                claim.setString(2, sha256("POST /api/orders?null\n" + sha256(body)));
                claim.setObject(3, at);
                claim.setObject(4, at);
                claim.executeUpdate();
            }
            long started = System.nanoTime();
            Api.Response repeat = manager.header("Idempotency-Key", key).post("/api/orders", body);
            assertThat(repeat.status()).as(repeat.toString()).isEqualTo(409);
            assertThat(repeat.code()).isEqualTo("idempotency-key-in-use");
            assertThat(repeat.header("Retry-After")).isEqualTo("1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited for the first answer").isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            assertThat(manager.get("/api/orders?size=1").json().path("total").asInt()).as("nothing placed").isEqualTo(before);
            first.rollback(); // the first died before its commit: nothing of it stays
        }
        Api.Response retry = manager.header("Idempotency-Key", key).post("/api/orders", body);
        assertThat(retry.status()).as("the key is free again: the retry runs, " + retry).isEqualTo(201);
        assertThat(manager.get("/api/orders?size=1").json().path("total").asInt()).as("placed once").isEqualTo(before + 1);
    }

    @Test
    void behindTheProxyTheAllowListSeesTheClientAndASpoofedHopChangesNothing() {
        String body = "{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\"xff-" + UUID.randomUUID() + "\"}}";
        assertThat(anonymous.header("X-Forwarded-For", "198.51.100.7").post("/api/webhooks/payments", body).status())
                .as("a client outside the allow-list, told by the trusted proxy").isEqualTo(403);
        assertThat(anonymous.header("X-Forwarded-For", "203.0.113.9, 198.51.100.7").post("/api/webhooks/payments", body).status())
                .as("an allowed address the client wrote itself before the proxy's hop").isEqualTo(403);
        assertThat(anonymous.header("X-Forwarded-For", "203.0.113.9").post("/api/webhooks/payments", body).status())
                .as("the gateway's address, told by the trusted proxy").isEqualTo(200);
    }
}
