package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28: this build (Spring Boot 4.1, Hibernate 7, Flyway 12, H2 2.4) starts on a store written by the Spring
 * Boot 3.5 build (commit 0da3620: Hibernate 6, Flyway 11, H2 2.3) and carries everything in it on — the store as
 * that build left it, committed under {@code store-fixture/boot-3.5} by {@link StoreFixtureWriter}: the H2 file
 * itself, and a {@code pg_dump} of the same on PostgreSQL.
 * <ul>
 *   <li>what is stored is written the same: every stored event, saga and token, read and written again by today's
 *   serializer, gives the stored bytes (the audit seal hashes them);</li>
 *   <li>the schema is the one Flyway left (no migration, its history accepted);</li>
 *   <li>a saga waiting for its payment deadline (passed during the upgrade) expires its order; a saga awaiting a
 *   payment takes it (the guest pays, the gateway confirms, the order is confirmed and the deadline is cancelled);</li>
 *   <li>the processors resume from their stored tokens, not from the start of the store;</li>
 *   <li>the idempotency record answers a repeated request; the parked dead letter is retried and heals its order;
 *   the desk order takes its remaining payment and its seal holds.</li>
 * </ul>
 * The service's clock runs from the moment the fixture was written (its rentals are a month after it); the short
 * payment deadline is made due, as a service down for its upgrade past it finds it.
 */
class PlatformUpgradeTest {
    private static final String FIXTURE = "store-fixture/boot-3.5/" + (TestDatabase.POSTGRES ? "postgresql" : "h2") + "/";
    private static final List<String> PROCESSORS = List.of("order-list", "order-detail", "order-timeline", "cash-book",
            "notifications", "PaymentSagaProcessor");

    @Test
    void theStoreOfTheSpringBoot35BuildIsCarriedOn(@TempDir Path dataDir) throws Exception {
        JsonNode facts = new ObjectMapper().readTree(new ClassPathResource(FIXTURE + "facts.json").getInputStream());
        String url = restore(dataDir, FIXTURE);
        Stored stored;
        SingleConnectionDataSource before = new SingleConnectionDataSource(url, TestDatabase.POSTGRES ? "postgres" : "sa", "", true);
        try {
            JdbcTemplate fixture = new JdbcTemplate(before);
            stored = Stored.read(fixture);
            // the upgrade took the service down past the short payment deadline and the gateway call's retry (db-scheduler
            // goes by the wall clock, which a fixture written minutes ago may not have reached yet): both are due now;
            // the ten-year payment deadline is not
            Instant written = Instant.parse(facts.path("writtenAt").asText());
            assertThat(fixture.update("update scheduled_tasks set execution_time = ? where execution_time < ?",
                    java.sql.Timestamp.from(Instant.now().minusSeconds(60)), java.sql.Timestamp.from(written.plus(Duration.ofDays(1)))))
                    .as("the short payment deadline and the retry").isEqualTo(2);
        } finally {
            before.destroy();
        }
        assertThat(stored.events).as("the fixture's events").hasSize(facts.path("events").asInt());
        assertThat(stored.sagas).as("the fixture's sagas").hasSize(facts.path("sagas").asInt());

        Instant written = Instant.parse(facts.path("writtenAt").asText());
        try (TestApp app = TestApp.start(dataDir, "--orderdesk.test.clock-from=" + written.plus(Duration.ofMinutes(30)))) {
            JdbcTemplate jdbc = app.jdbc();
            Api manager = app.as("manager");
            Api guest = app.as("guest");
            Api auditor = app.as("auditor");

            // Flyway 12 accepts Flyway 11's history; the one migration since is V13, the payment saga's split by job (issue 29,
            // PaymentSagaSplitTest)
            assertThat(jdbc.queryForList("select \"version\" from \"flyway_schema_history\" where \"success\" = true "
                    + "and \"version\" is not null order by \"installed_rank\"", String.class))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");

            // V13: the order still awaiting its payment has a receipt saga keeping the rental's start for its receipt's
            // settlement (its payment saga, written by the old build, kept it)
            String awaitingOrder = facts.path("awaiting").asText();
            String awaitingSaga = stored.sagas.stream().map(row -> new String(row.bytes, StandardCharsets.UTF_8))
                    .filter(json -> json.contains(awaitingOrder)).findFirst().orElseThrow();
            JsonNode receiptSaga = new ObjectMapper().readTree(jdbc.queryForObject("select serialized_saga from saga_entry s join "
                    + "association_value_entry a on a.saga_id = s.saga_id where s.saga_type = ? and a.association_value = ?", byte[].class,
                    "com.orderdesk.payment.receipt.ReceiptSaga", awaitingOrder));
            assertThat(receiptSaga.path("awaitingPrepayment").asBoolean()).isTrue();
            assertThat(receiptSaga.path("rentalStart")).isEqualTo(new ObjectMapper().readTree(awaitingSaga).path("rentalStart"));

            // what was stored is what today's serializer writes, byte for byte
            Serializer events = app.bean(org.axonframework.config.Configuration.class).eventSerializer();
            Serializer general = app.bean(org.axonframework.config.Configuration.class).serializer();
            for (Row event : stored.events) {
                assertThat(rewritten(events, event)).as("event " + event.type + " " + event.id).isEqualTo(event.bytes);
                assertThat(rewritten(events, event.metaData)).as("metadata of " + event.id).isEqualTo(event.metaData.bytes);
            }
            for (Row saga : stored.sagas) {
                // (the fields of the refunds' and receipts' work went to their sagas in V13: the payment saga writes the rest the same)
                Row payment = new Row(saga.id, saga.type, saga.revision, withoutReceiptWork(saga.bytes), null);
                assertThat(new String(rewritten(general, payment), StandardCharsets.UTF_8)).as("saga " + saga.id)
                        .isEqualTo(new String(payment.bytes, StandardCharsets.UTF_8));
            }
            for (Row token : stored.tokens) {
                assertThat(rewritten(general, token)).as("token of " + token.id).isEqualTo(token.bytes);
            }

            // the payment deadline that passed while the service was down expires its order
            String expiring = facts.path("expiring").asText();
            Api.Response expired = Await.until("the passed deadline expires the order", () -> manager.get("/api/orders/" + expiring),
                    r -> "CANCELLED".equals(r.text("/status")));
            assertThat(expired.text("/cancellation/reason")).isEqualTo("Истек срок оплаты");
            JsonNode history = auditor.get("/api/audit/orders/" + expiring + "/events").json();
            assertThat(history.get(history.size() - 1).at("/actor/channel").asText()).isEqualTo("DEADLINE");

            // the processors went on from their stored tokens: each took only what was stored after the upgrade
            long head = awaitCaughtUp(app, auditor);
            long after = head - facts.path("head").asLong();
            assertThat(after).as("events stored since the upgrade").isPositive().isLessThan(facts.path("events").asLong() / 2);
            MeterRegistry meters = app.bean(MeterRegistry.class);
            for (String processor : PROCESSORS) {
                double ingested = meters.find("eventProcessor.ingestedCounter").tag("processorName", processor).counters().stream()
                        .mapToDouble(Counter::count).sum();
                // each segment's stored token says where it was (a segment with nothing of its own lags a little)
                List<Long> positions = stored.tokens.stream().filter(token -> token.id.startsWith(processor + "/"))
                        .map(token -> index(token.bytes)).toList();
                assertThat(positions).as(processor + "'s stored tokens").isNotEmpty().allMatch(position -> position > 0);
                long from = positions.stream().mapToLong(Long::longValue).min().orElseThrow();
                assertThat(ingested).as(processor + " took what came after its tokens (" + names(meters) + ")").isPositive()
                        // at most each segment once per event after its lowest token, and far from the whole store
                        .isLessThanOrEqualTo((double) positions.size() * (head - from))
                        .isLessThan((double) head);
            }
            assertThat(jdbc.queryForObject("select count(*) from token_entry", Integer.class)).isEqualTo(facts.path("tokens").asInt());

            // the order awaiting its payment: its saga, written by the old build, retries the gateway (up again) and
            // creates the payment; the guest pays it
            String awaiting = facts.path("awaiting").asText();
            Api.Response created = Await.until("the saga's retry creates the payment", () -> app.anonymous()
                    .get("/simulator/control/payments?orderId=" + awaiting), r -> r.json().size() == 1);
            assertThat(app.anonymous().post("/simulator/control/payments/" + created.json().get(0).path("id").asText() + "/succeed", null)
                    .status()).isEqualTo(200);
            Api.Response paid = Await.until("the online payment recorded", () -> manager.get("/api/orders/" + awaiting),
                    r -> "PAID".equals(r.text("/paymentStatus")));
            assertThat(paid.text("/status")).isEqualTo("CONFIRMED");
            Await.until("its ten-year deadline cancelled", () -> jdbc.queryForObject(
                    "select count(*) from scheduled_tasks where execution_time > ?", Integer.class,
                    java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(365)))) == 0);

            // the idempotency record answers the repeated request with its first answer
            String desk = facts.path("desk").asText();
            LocalDate firstDay = LocalDate.parse(facts.path("firstRentalDay").asText());
            Api.Response again = manager.header("Idempotency-Key", facts.path("deskIdempotencyKey").asText()).post("/api/orders",
                    OrderBodies.order("coworking-2nd-floor", firstDay.plusDays(4), 10, 14, "PARTIAL", "svetlana.orlova@example.org"));
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            assertThat(again.json()).isEqualTo(new ObjectMapper().readTree(facts.path("deskAnswer").asText()));

            // the desk order takes its remaining payment
            String remainder = manager.get("/api/orders/" + desk).text("/remainder/value");
            Api.Response rest = manager.post("/api/orders/" + desk + "/payments", OrderBodies.payment(remainder, "CASH"));
            assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
            JsonNode deskPaid = manager.get("/api/orders/" + desk).json();
            assertThat(deskPaid.path("paymentStatus").asText()).isEqualTo("PAID");
            assertThat(deskPaid.path("payments").findValuesAsText("value")).containsExactly("150.00", remainder);
            assertThat(manager.get("/api/orders/" + desk + "/timeline").body()).contains("до перехода на Spring Boot 4");

            // the parked dead letter is retried and heals its order
            assertThat(auditor.get("/api/admin/projections/order-detail").json().path("deadLetters").asLong()).isEqualTo(1);
            Api.Response retried = auditor.post("/api/admin/projections/order-detail/dead-letters/retry", null);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(retried.json().path("deadLettersLeft").asLong()).isZero();
            String parked = facts.path("deadLetter").asText();
            Await.until("the parked payment applied", () -> manager.get("/api/orders/" + parked), r -> "100.00".equals(r.text("/paid/value")));

            // every order's seal holds across the two builds' events
            for (String order : List.of(expiring, awaiting, desk, parked, facts.path("paidOnline").asText(), facts.path("refunded").asText())) {
                JsonNode verdict = auditor.get("/api/audit/orders/" + order + "/verify").json();
                assertThat(verdict.path("intact").asBoolean()).as(order + ": " + verdict).isTrue();
            }
        }
    }

    /** The fixture into this test's store: the H2 file into {@code dataDir}, or the dump into its PostgreSQL database; its JDBC URL. */
    static String restore(Path dataDir, String fixture) throws Exception {
        String url = TestDatabase.arguments(dataDir.toString()).stream().filter(a -> a.startsWith("--spring.datasource.url="))
                .map(a -> a.substring("--spring.datasource.url=".length())).findFirst()
                .orElse("jdbc:h2:file:" + dataDir + "/orderdesk");
        if (TestDatabase.POSTGRES) {
            String dump;
            try (InputStream in = new ClassPathResource(fixture + "store.sql").getInputStream()) {
                dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // pg_dump's backslash lines (restrict, unrestrict) are psql's meta-commands; the rest is SQL
            String sql = dump.lines().filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n"));
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        } else {
            try (InputStream in = new ClassPathResource(fixture + "orderdesk.mv.db").getInputStream()) {
                Files.copy(in, dataDir.resolve("orderdesk.mv.db"));
            }
        }
        return url;
    }

    /** The store's head once every projection has caught up with it and it has stood still for a second. */
    private static long awaitCaughtUp(TestApp app, Api auditor) {
        long head = Await.atRest(Await.TIMEOUT, () -> app.jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class),
                () -> false, Duration.ofSeconds(1));
        Await.until("projections caught up", () -> auditor.get("/api/admin/projections"), HttpTestBase::allCaughtUp);
        return head;
    }

    /** A payment saga as stored before issue 29, without the fields of the refunds' and receipts' work (their sagas' now). */
    private static byte[] withoutReceiptWork(byte[] saga) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode fields = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(saga);
            fields.remove(List.of("toRefund", "watchedReceipts", "pollId", "pollAttempt", "settlementWanted", "cancelled", "rentalStart",
                    "settlementDeadlineId", "settlementToCreate", "refundReceiptsToCreate"));
            return new ObjectMapper().writeValueAsBytes(fields);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A stored gap-aware token's position. */
    private static long index(byte[] token) {
        try {
            return new ObjectMapper().readTree(token).path("index").asLong(-1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] rewritten(Serializer serializer, Row row) {
        Object read = serializer.deserialize(new SimpleSerializedObject<>(row.bytes, byte[].class, row.type, row.revision));
        SerializedObject<byte[]> written = serializer.serialize(read, byte[].class);
        return written.getData();
    }

    /** What each processor took, for a failure's message: «processor/event type=count, …». */
    private static String names(MeterRegistry meters) {
        return meters.find("eventProcessor.ingestedCounter").counters().stream()
                .map(c -> c.getId().getTag("processorName") + "/" + c.getId().getTag("payloadType") + "=" + c.count())
                .collect(Collectors.joining(", "));
    }

    /** A stored value: what it is, its revision and its bytes (events carry their metadata beside). */
    private record Row(String id, String type, String revision, byte[] bytes, Row metaData) {
    }

    /** What the fixture holds, read before the new build touches it. */
    private record Stored(List<Row> events, List<Row> sagas, List<Row> tokens) {
        static Stored read(JdbcTemplate jdbc) {
            List<Row> events = jdbc.query("select event_identifier, payload_type, payload_revision, payload, meta_data "
                    + "from domain_event_entry order by global_index", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getBytes(4), new Row(rs.getString(1), "org.axonframework.messaging.MetaData", null, rs.getBytes(5), null)));
            List<Row> sagas = jdbc.query("select saga_id, saga_type, revision, serialized_saga from saga_entry",
                    (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), null));
            List<Row> tokens = new ArrayList<>();
            for (Map<String, Object> token : jdbc.queryForList("select processor_name, segment, token_type, token from token_entry where token is not null")) {
                tokens.add(new Row(token.get("processor_name") + "/" + token.get("segment"), (String) token.get("token_type"), null,
                        (byte[]) token.get("token"), null));
            }
            return new Stored(events, sagas, tokens);
        }
    }
}
