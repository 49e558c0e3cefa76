package com.orderdesk.app;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
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
@AutoConfigureObservability
public abstract class HttpTestBase {
    protected static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");

    @LocalServerPort
    protected int port;
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
        String dir = Files.createTempDirectory("orderdesk-test-").toString();
        registry.add("orderdesk.data-dir", () -> dir);
        // the webhook's allow-list as behind a proxy: this host (the simulator) and a documentation network
        registry.add("orderdesk.webhook.allowed-networks", () -> "127.0.0.0/8,::1/128,203.0.113.0/24");
        if (TestDatabase.POSTGRES) {
            String url = TestDatabase.newPostgresDatabase();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> "postgres");
        }
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

    /** A place-order body: {@code hours} from 10:00 local time, {@code daysAhead} days from today. */
    protected static String orderBody(int daysAhead, int hours, String plan) {
        return orderBody(daysAhead, hours, plan, null);
    }

    /** The same, the visitor giving {@code email} (none when null). */
    protected static String orderBody(int daysAhead, int hours, String plan, String email) {
        LocalDate day = LocalDate.now(PERM).plusDays(daysAhead);
        String start = day.atTime(10, 0).atZone(PERM).toOffsetDateTime().toString();
        String end = day.atTime(10 + hours, 0).atZone(PERM).toOffsetDateTime().toString();
        return """
                {"serviceId":"coworking-2nd-floor","tariffId":"standard",
                 "rentalPeriod":{"start":"%s","end":"%s"},"ticketNumber":"301",
                 "visitor":{"name":"Светлана Орлова","phone":"+7 912 555-12-34"%s},
                 "applicant":{"name":"Светлана Орлова","role":"Гость локации","phone":"8 912 555 12 34"},
                 "paymentPlan":"%s"}""".formatted(start, end, email == null ? "" : ",\"email\":\"" + email + "\"", plan);
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

    /** Tells the gateway simulator how to misbehave (none of it: {@code simulatorFaults(0, 1, false, 0, false, false)}). */
    protected void simulatorFaults(int failCreates, int duplicates, boolean outOfOrder, long delayMillis,
                                   boolean dropNotifications, boolean refuseRefunds) {
        Api.Response set = anonymous.post("/simulator/control/faults", "{\"failCreates\":" + failCreates + ",\"timeoutCreates\":0,"
                + "\"duplicates\":" + duplicates + ",\"outOfOrder\":" + outOfOrder + ",\"delayMillis\":" + delayMillis
                + ",\"dropNotifications\":" + dropNotifications + ",\"refuseRefunds\":" + refuseRefunds + "}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    protected static String money(String value) {
        return "{\"value\":\"" + value + "\",\"currency\":\"RUB\"}";
    }

    protected static String payment(String value, String method) {
        return "{\"amount\":" + money(value) + ",\"method\":\"" + method + "\"}";
    }

    /** Reads until {@code done} holds (30 s at most): for what happens after the answer, e.g. a gateway's notification. */
    protected static Api.Response eventually(String what, Supplier<Api.Response> read, Predicate<Api.Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Api.Response last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen; last: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }

    /**
     * Completes an order as if its rental were over: the command side's clock (Axon's event clock, which the order
     * reads as "now") runs three days ahead for that one command.
     */
    static void completeAfterItsRental(Api manager, String order) {
        java.time.Clock real = org.axonframework.eventhandling.GenericEventMessage.clock;
        try {
            org.axonframework.eventhandling.GenericEventMessage.clock = java.time.Clock.offset(real, Duration.ofDays(3));
            Api.Response done = manager.post("/api/orders/" + order + "/completion", null);
            assertThat(done.status()).as(done.toString()).isIn(200, 204);
        } finally {
            org.axonframework.eventhandling.GenericEventMessage.clock = real;
        }
    }

    protected Api.Response detail(String orderId) {
        return manager.get("/api/orders/" + orderId);
    }
}
