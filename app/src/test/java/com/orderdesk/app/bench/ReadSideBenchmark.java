package com.orderdesk.app.bench;

import com.orderdesk.app.Api;
import com.orderdesk.app.HttpTestBase;
import com.orderdesk.app.TestDatabase;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.ServiceRef;
import com.orderdesk.shared.order.TariffRef;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-side benchmark (run with {@code mvn -pl app -am verify -Pbenchmark}, never in the default suite).
 * Fills the event store with orders (each batch's read models written in its own transaction, as a command's are:
 * docs/adr/011), then times a filtered list page, a {@code q} search and a detail read over HTTP. The baseline is the
 * same measurement at {@link #BASELINE_ORDERS} orders in the same process; figures print as ratios to it. Then it
 * rebuilds each read model alone from the whole store, as an operator's replay does, and then all three at once, with
 * progress: the catch-up processors' rate.
 */
@Tag("benchmark")
@TestPropertySource(properties = {"orderdesk.demo.seed-orders=false", "logging.level.com.orderdesk.query.admin=WARN"})
class ReadSideBenchmark extends HttpTestBase {
    static final int BASELINE_ORDERS = Integer.getInteger("bench.baseline", 1_000);
    static final int ORDERS = Integer.getInteger("bench.orders", 100_000);
    static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    /** Requests before measuring, so that the JIT has compiled the request path. */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 1_500);
    private static final String[] FIRST = {"Алексей", "Мария", "Светлана", "Денис", "Ольга", "Пётр", "Ирина", "Никита", "Анна", "Игорь"};
    private static final String[] LAST = {"Трошков", "Лебедева", "Орлова", "Ким", "Смирнова", "Иванов", "Соколова", "Попов", "Волкова", "Зайцев"};
    private static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final Random random = new Random(42);
    private final List<String> orderIds = new ArrayList<>();
    private int placed;

    record Figures(long[] page, long[] search, long[] phone, long[] detail, int events, double fillSeconds, double projectSeconds) {
    }

    private static final List<String> READ_MODELS = List.of("order-list", "order-detail", "order-timeline", "cash-book");

    @Test
    void readSideAt100kOrders() throws Exception {
        Figures baseline = fillAndMeasure(BASELINE_ORDERS);
        Figures full = fillAndMeasure(ORDERS);

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nRead side, %d orders (%d events), %d samples each, baseline %d orders, %s, %d cores%n",
                ORDERS, eventCount(), SAMPLES, BASELINE_ORDERS, System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors()));
        report.append(String.format(Locale.ROOT, "append to event store: %d events in %.1f s = %.0f events/s%n",
                full.events(), full.fillSeconds(), full.events() / full.fillSeconds()));
        report.append(String.format(Locale.ROOT, "all three projections done %.1f s after the first append = %.0f events/s (baseline %.0f events/s)%n",
                full.projectSeconds(), full.events() / full.projectSeconds(), baseline.events() / baseline.projectSeconds()));
        report.append(String.format(Locale.ROOT, "%-34s %9s %9s %9s %9s %8s%n", "query", "p50 ms", "p95 ms", "base p50", "base p95", "p95 ×"));
        row(report, "filtered page (status+payment)", full.page(), baseline.page());
        row(report, "q = visitor surname (substring)", full.search(), baseline.search());
        row(report, "q = phone digits", full.phone(), baseline.phone());
        row(report, "detail by id", full.detail(), baseline.detail());
        System.out.println(report);
        assertThat(orderIds).hasSize(ORDERS);
        if (TestDatabase.POSTGRES) {
            printSearchPlans();
        }

        int events = eventCount();
        StringBuilder replays = new StringBuilder(String.format(Locale.ROOT, "%nreplays from the whole store (%d events):%n", events));
        for (String readModel : READ_MODELS) {
            double seconds = replay(List.of(readModel));
            replays.append(String.format(Locale.ROOT, "  %-36s %6.1f s = %5.0f events/s%n", readModel + " alone", seconds, events / seconds));
        }
        double seconds = replay(READ_MODELS);
        replays.append(String.format(Locale.ROOT, "  %-36s %6.1f s = %5.0f events/s each%n", "all three at once", seconds, events / seconds));
        System.out.println(replays);
    }

    private static void row(StringBuilder report, String name, long[] full, long[] base) {
        report.append(String.format(Locale.ROOT, "%-34s %9.2f %9.2f %9.2f %9.2f %8.2f%n", name, ms(p(full, 50)), ms(p(full, 95)),
                ms(p(base, 50)), ms(p(base, 95)), (double) p(full, 95) / p(base, 95)));
    }

    private Figures fillAndMeasure(int target) throws InterruptedException {
        int batch = 500;
        int eventsBefore = eventCount();
        long fillStart = System.nanoTime();
        long lastLog = System.nanoTime();
        while (placed < target) {
            int n = Math.min(batch, target - placed);
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                messages.addAll(order(placed++));
            }
            new TransactionTemplate(transactions).executeWithoutResult(status -> eventStore.publish(messages));
            if (System.nanoTime() - lastLog > Duration.ofSeconds(5).toNanos()) {
                System.out.printf("filling: %d / %d orders (%d%%)%n", placed, target, placed * 100L / target);
                lastLog = System.nanoTime();
            }
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        awaitProjections();
        double projectSeconds = Math.max((System.nanoTime() - fillStart) / 1e9, 1e-3);
        int events = eventCount() - eventsBefore;
        Api api = manager;
        long[] page = time(i -> api.get("/api/orders?status=CONFIRMED&paymentStatus=UNPAID&sort=createdAt,desc&page=" + (i % 10) + "&size=20"));
        long[] search = time(i -> api.get("/api/orders?q=" + URLEncoder.encode(LAST[i % LAST.length].substring(0, Math.min(4, LAST[i % LAST.length].length())).toLowerCase(), StandardCharsets.UTF_8)));
        long[] phone = time(i -> api.get("/api/orders?q=" + phoneOf(random.nextInt(placed)).substring(5)));
        long[] detail = time(i -> api.get("/api/orders/" + orderIds.get(random.nextInt(orderIds.size()))));
        return new Figures(page, search, phone, detail, events, fillSeconds, projectSeconds);
    }

    /**
     * PostgreSQL's plans for the list's {@code q} search, in the shape the list sends it (number, ticket, a substring
     * of the visitor's name, digits of the phone): a common surname, where walking the newest orders finds a page at
     * once, and one order's phone digits, which the trigram indexes of V3 must serve.
     */
    private void printSearchPlans() {
        printSearchPlan("common surname", "трош", "");
        String digits = phoneOf(placed / 2).substring(5);
        printSearchPlan("one order's phone digits", digits, digits);
    }

    private void printSearchPlan(String label, String q, String digits) {
        List<String> plan = jdbc.queryForList("explain (analyze, costs off) select order_id from order_summary"
                + " where number = ? or ticket_lower = ? or visitor_name_lower like ? escape '\\'"
                + (digits.isEmpty() ? "" : " or phone_digits like ?")
                + " order by created_at desc offset 0 rows fetch first 20 rows only", String.class,
                digits.isEmpty() ? new Object[] {q, q, "%" + q + "%"} : new Object[] {q, q, "%" + q + "%", "%" + digits + "%"});
        String text = String.join("\n", plan);
        System.out.printf("%nPostgreSQL's plan for q = %s (%s), EXPLAIN ANALYZE:%n  %s%ntrigram indexes used: visitor name %s, phone %s%n",
                q, label, String.join("\n  ", plan), text.contains("ix_summary_visitor_name_trgm"), text.contains("ix_summary_phone_trgm"));
    }

    /** Starts the replay of these read models at once and waits until each has rebuilt the whole store; seconds. */
    private double replay(List<String> readModels) throws InterruptedException {
        long start = System.nanoTime();
        // the request answers once the read model is emptied and its processor restarted (it took 40 s at 100 000
        // orders while emptying was a DELETE; Api gives up after 30 s)
        for (String readModel : readModels) {
            long asked = System.nanoTime();
            assertThat(auditor.post("/api/admin/projections/" + readModel + "/replay", null).status()).isEqualTo(202);
            System.out.printf(Locale.ROOT, "replay of %s: answered 202 after %.1f s%n", readModel, (System.nanoTime() - asked) / 1e9);
        }
        long lastLog = System.nanoTime();
        while (true) {
            boolean done = true;
            StringBuilder progress = new StringBuilder();
            for (String readModel : readModels) {
                var status = auditor.get("/api/admin/projections/" + readModel).json();
                done &= !status.path("replaying").asBoolean() && status.path("lag").asLong() == 0;
                progress.append(' ').append(readModel).append(' ')
                        .append(status.path("replaying").asBoolean() ? status.path("replayPercent").asInt() + "%" : "lag " + status.path("lag").asLong());
            }
            if (done) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() - lastLog > Duration.ofSeconds(5).toNanos()) {
                System.out.printf("replaying:%s (%.0f s)%n", progress, (System.nanoTime() - start) / 1e9);
                lastLog = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private long[] time(IntFunction<Api.Response> call) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(call.apply(i).status()).isEqualTo(200);
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            Api.Response response = call.apply(i);
            nanos[i] = System.nanoTime() - t0;
            assertThat(response.status()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private void awaitProjections() throws InterruptedException {
        long lastLog = System.nanoTime();
        while (true) {
            Api.Response status = auditor.get("/api/admin/projections");
            boolean done = true;
            long worstLag = 0;
            for (var projection : status.json()) {
                worstLag = Math.max(worstLag, projection.path("lag").asLong());
                done &= projection.path("lag").asLong() == 0;
            }
            if (done) {
                return;
            }
            if (System.nanoTime() - lastLog > Duration.ofSeconds(5).toNanos()) {
                System.out.printf("projecting: %d events behind%n", worstLag);
                lastLog = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private int eventCount() {
        return ((Number) new TransactionTemplate(transactions).execute(status -> {
            var head = eventStore.createHeadToken();
            return head == null ? 0 : head.position().orElse(0) + 1;
        })).intValue();
    }

    private static String phoneOf(int i) {
        return String.format("+7912%07d", i);
    }

    private List<DomainEventMessage<?>> order(int i) {
        String orderId = UUID.randomUUID().toString();
        orderIds.add(orderId);
        long hours = 1 + random.nextInt(8);
        Money total = Money.ofRubles(100 * hours);
        Instant start = Instant.parse("2030-01-01T06:00:00Z").plus(Duration.ofDays(random.nextInt(365)));
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        Person visitor = new Person(name, Phone.parse(phoneOf(i)));
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(orderId, 0, at, new OrderPlaced(orderId, OrderNumber.of(2_000_000L + i), at, MANAGER, null,
                new ServiceRef("coworking-2nd-floor", "Коворкинг на 2 этаже", "Asia/Yekaterinburg"),
                new TariffRef("standard", "Стандарт", Money.ofRubles(100), "HOUR"),
                List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", hours, Money.ofRubles(100), total)),
                new RentalPeriod(start, start.plus(Duration.ofHours(hours))), Integer.toString(100 + i), visitor,
                new Applicant(name, null, visitor.phone()), PaymentPlan.PARTIAL, total, Money.ZERO, Money.ofRubles(50),
                LocalDate.of(2030, 1, 1).plusDays(random.nextInt(365)), OrderStatus.CONFIRMED, PaymentStatus.UNPAID)));
        if (random.nextBoolean()) {
            events.add(event(orderId, events.size(), at, new ManagerPaymentRecorded(orderId, "p" + i, total, PaymentMethod.CASH, null,
                    MANAGER, at, total, Money.ZERO, PaymentStatus.PAID)));
        }
        if (random.nextInt(10) < 3) {
            events.add(event(orderId, events.size(), at, new ExecutorAssigned(orderId, "service", "Пётр Иванов", null, null, MANAGER, at)));
        }
        return events;
    }

    private static DomainEventMessage<?> event(String orderId, long sequence, Instant at, Object payload) {
        return new GenericDomainEventMessage<>("Order", orderId, sequence, payload, Map.of(), UUID.randomUUID().toString(), at);
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
