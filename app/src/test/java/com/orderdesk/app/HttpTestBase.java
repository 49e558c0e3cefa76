package com.orderdesk.app;

import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.SimulatorFaults;
import com.orderdesk.app.support.TestClock;
import com.orderdesk.app.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, demo profile, H2 in a fresh data directory (or a fresh PostgreSQL
 * database, see {@link TestDatabase}). One configuration for
 * all HTTP tests, so Spring starts it once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@AutoConfigureMetrics
@Import(TestClockConfiguration.class)
public abstract class HttpTestBase {
    protected static final ZoneId PERM = OrderBodies.PERM;

    @LocalServerPort
    protected int port;
    /** The service's clock in this application: the real time unless a test sets it; back to it after each test. */
    @Autowired
    protected TestClock clock;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private org.axonframework.config.EventProcessingConfiguration processing;
    @org.springframework.boot.test.web.server.LocalManagementPort
    protected int managementPort;
    /** Metrics and health: their own port, not the API's. */
    protected Api management;
    protected Api anonymous;
    protected Api manager;
    protected Api service;
    protected Api auditor;
    protected Api guest;
    protected Api guest2;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.register(registry, Files.createTempDirectory("orderdesk-test-").toString());
        // the webhook's allow-list as behind a proxy: this host (the simulator) and a documentation network
        registry.add("orderdesk.webhook.allowed-networks", () -> "127.0.0.0/8,::1/128,203.0.113.0/24");
        // the corpus books the coworking's same hours hundreds of times: room for all (the meeting room keeps its 1 place)
        registry.add("orderdesk.demo.coworking-capacity", () -> OrderBodies.CORPUS_CAPACITY);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeEach
    void clients() {
        anonymous = Api.at(port);
        management = Api.at(managementPort);
        manager = anonymous.as("manager");
        service = anonymous.as("service");
        auditor = anonymous.as("auditor");
        guest = anonymous.as("guest");
        guest2 = anonymous.as("guest2");
    }

    /** A place-order body: {@code hours} from 10:00 local time, {@code daysAhead} days from today by the service's clock. */
    protected String orderBody(int daysAhead, int hours, String plan) {
        return orderBody(daysAhead, hours, plan, null);
    }

    /** The same, the visitor giving {@code email} (none when null). */
    protected String orderBody(int daysAhead, int hours, String plan, String email) {
        return OrderBodies.order(today().plusDays(daysAhead), hours, plan, email);
    }

    /** Today in Perm by the service's clock. */
    protected LocalDate today() {
        return clock.today(PERM);
    }

    /** Places a desk order and returns its id. */
    protected String placeDeskOrder(int hours) {
        Api.Response placed = manager.post("/api/orders", orderBody(3, hours, "PARTIAL"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.text("/orderId");
    }

    /** A guest's online order (PARTIAL, 400 ₽): it waits for its 100 ₽ prepayment. */
    protected String placeOnline() {
        Api.Response placed = guest.post("/api/my/orders", orderBody(6, 4, "PARTIAL"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.text("/orderId");
    }

    /** «Оплатить»: returns the gateway payment id behind the confirmation page. */
    protected String pressPay(String order) {
        Api.Response pay = guest.post("/api/my/orders/" + order + "/payment", null);
        assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
        assertThat(pay.text("/confirmationUrl")).contains("/simulator/checkout/");
        return pay.text("/paymentId");
    }

    /** «Оплатить», the guest pays at the gateway, and the order is confirmed: returns the gateway payment id. */
    protected String payOnline(String order) {
        String payment = pressPay(order);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        eventually("confirmation", () -> detail(order), r -> "CONFIRMED".equals(r.text("/status")));
        return payment;
    }

    /** Tells the gateway simulator how to misbehave; {@link SimulatorFaults#none()} puts it right again. */
    protected void simulatorFaults(SimulatorFaults faults) {
        faults.applyTo(anonymous);
    }

    protected static String money(String value) {
        return OrderBodies.money(value);
    }

    protected static String payment(String value, String method) {
        return OrderBodies.payment(value, method);
    }

    /** Reads until {@code done} holds: for what happens after the answer, e.g. a gateway's notification ({@link Await}). */
    public static Api.Response eventually(String what, Supplier<Api.Response> read, Predicate<Api.Response> done) {
        return Await.until(what, read, done);
    }

    /**
     * Completes an order as if its rental were over: the service's clock runs to a minute after the rental's end for
     * that one command (this application's clock only). Measured from the order's own end, never a fixed number of
     * days: "three days on" was before the end of a rental three days ahead at 10:00–14:00 whenever the tests ran
     * before 14:00 in the service's zone.
     */
    protected void completeAfterItsRental(String order) {
        completeAfterItsRental(clock, manager, order);
    }

    public static void completeAfterItsRental(TestClock clock, Api manager, String order) {
        Api.Response done = clock.ahead(pastTheEndOf(clock, manager, order), () -> manager.post("/api/orders/" + order + "/completion", null));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    /** How far the clock must run for the order's rental to be a minute over (zero when it already is). */
    public static Duration pastTheEndOf(TestClock clock, Api manager, String order) {
        Api.Response detail = manager.get("/api/orders/" + order);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        java.time.Instant end = java.time.OffsetDateTime.parse(detail.text("/rentalPeriod/end")).toInstant();
        Duration by = Duration.between(clock.instant(), end).plusMinutes(1);
        return by.isNegative() ? Duration.ZERO : by;
    }

    /** The projections' status ({@code GET /api/admin/projections}) says every read model is caught up (and names some). */
    public static boolean allCaughtUp(Api.Response projections) {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> lags = projections.json().findValues("lag");
        return !lags.isEmpty() && lags.stream().allMatch(lag -> lag.asLong() == 0);
    }

    /** A gateway notification as the webhook's inbox holds it (none yet: an empty row). */
    public record InboxRow(int deliveries, boolean processed, String outcome) {
    }

    protected InboxRow inbox(String notificationKey) {
        return jdbc.query("select deliveries, processed_at, outcome from payment_inbox where notification_key = ?",
                        (rs, n) -> new InboxRow(rs.getInt("deliveries"), rs.getTimestamp("processed_at") != null,
                                rs.getString("outcome") == null ? "" : rs.getString("outcome")), notificationKey)
                .stream().findFirst().orElse(new InboxRow(0, false, ""));
    }

    /**
     * Waits until the streaming processor {@code processorName} has handled every event of {@code orderId} stored so
     * far (each of its segments claimed here and past the order's newest event): the positive sign that whatever it
     * would make of them is made.
     */
    protected void awaitHandled(String processorName, String orderId) {
        Await.until(processorName + " past every event of order " + orderId, () -> {
            Long newest = jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                    Long.class, orderId);
            int segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                    processorName);
            java.util.Map<Integer, org.axonframework.eventhandling.EventTrackerStatus> status = processing
                    .eventProcessor(processorName, org.axonframework.eventhandling.StreamingEventProcessor.class)
                    .orElseThrow(() -> new AssertionError("no streaming processor " + processorName)).processingStatus();
            return newest != null && segments > 0 && status.size() == segments && status.values().stream()
                    .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= newest);
        });
    }

    /**
     * The positive sign before counting an order's mails: the notifications processor has handled every event of the
     * order (each decided mail is in the outbox by then) and the outbox has finished with every mail of it that was due —
     * sent, given up or called off, none waiting for a retry. (A mail due later, as the reminder, or one held for an
     * unconfirmed address, is not waited for.)
     */
    protected void awaitDueMailsFinished(String order) {
        awaitHandled("notifications", order);
        com.orderdesk.app.support.Await.until("every due mail of order " + order + " finished", () -> jdbc.queryForObject(
                "select count(*) from notification_outbox where order_id = ? and status = 'PENDING' and send_after <= ?",
                Integer.class, order, java.sql.Timestamp.from(clock.instant())) == 0);
    }

    /** The mails sent to {@code address} so far, as the demo's mail page lists them. */
    protected java.util.List<com.fasterxml.jackson.databind.JsonNode> mailsTo(String address) {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> mails = new java.util.ArrayList<>();
        anonymous.get("/simulator/mail.json").json().forEach(mail -> {
            if (mail.path("to").asText().equals(address)) {
                mails.add(mail);
            }
        });
        return mails;
    }

    protected Api.Response detail(String orderId) {
        return manager.get("/api/orders/" + orderId);
    }
}
