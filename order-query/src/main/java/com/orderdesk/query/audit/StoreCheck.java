package com.orderdesk.query.audit;

import java.time.Clock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.shared.audit.EventSeal;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store-wide check (issue 6): one pass over the whole event stream in global order, every order's chain
 * checked as its events come by. Runs in the background with progress in the log and in its status; ends with a
 * summary (orders and events checked, broken orders with their first bad event, unsealed orders, rate).
 */
@Component
class StoreCheck {
    private static final Logger log = LoggerFactory.getLogger(StoreCheck.class);
    private static final int MAX_LISTED = 100;

    public record BrokenOrder(String orderId, long sequence, String eventId, String type, String problem, String detail) {
    }

    public record Status(String state, Instant startedAt, Instant finishedAt, String startedBy, long eventsChecked,
                         long headPosition, int percent, long ordersChecked, long ordersIntact, long ordersBroken,
                         long ordersNotSealed, double eventsPerSecond, List<BrokenOrder> broken) {
    }

    private final EventStore eventStore;
    private final EventsAsStored asStored;
    private final Serializer serializer;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("NEVER_RUN", null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of()));

    StoreCheck(EventStore eventStore, EventsAsStored asStored, @Qualifier("eventSerializer") Serializer serializer, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.eventStore = eventStore;
        this.asStored = asStored;
        this.serializer = serializer;
        this.json = json;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a check unless one is running; returns its status either way. */
    public synchronized Status start(String startedBy) {
        if ("RUNNING".equals(status.get().state())) {
            return status.get();
        }
        Instant started = clock.instant();
        status.set(new Status("RUNNING", started, null, startedBy, 0, 0, 0, 0, 0, 0, 0, 0, List.of()));
        Thread worker = new Thread(() -> run(started, startedBy), "store-check");
        worker.setDaemon(true);
        worker.start();
        return status.get();
    }

    private void run(Instant started, String startedBy) {
        long head = position(eventStore.createHeadToken());
        log.info("Store check started by {}: {} events to walk", startedBy, head);
        Map<String, ChainCheck> chains = new HashMap<>();
        List<BrokenOrder> broken = new ArrayList<>();
        long events = 0;
        long lastLog = System.nanoTime();
        try (Events stream = open()) {
            while (stream.hasNext()) {
                TrackedEventMessage<?> message = stream.next();
                long position = position(message.trackingToken());
                if (message instanceof DomainEventMessage<?> domain && EventSeal.AGGREGATE_TYPE.equals(domain.getType())) {
                    ChainCheck chain = chains.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ChainCheck(json));
                    if (!chain.accept(StoredEvent.of(domain, serializer)) && chain.failure() != null
                            && chain.failure().sequence() == domain.getSequenceNumber() && broken.size() < MAX_LISTED) {
                        ChainCheck.Failure f = chain.failure();
                        if (f.problem() != ChainCheck.Problem.NOT_SEALED) {
                            broken.add(new BrokenOrder(domain.getAggregateIdentifier(), f.sequence(), f.eventId(), f.type(),
                                    f.problem().name(), f.detail()));
                        }
                    }
                }
                events++;
                if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(2)) {
                    lastLog = System.nanoTime();
                    Status now = summary("RUNNING", started, null, startedBy, events, head, position, chains, broken);
                    status.set(now);
                    log.info("Store check: {} % ({} of {} events, {} orders, {} broken), {} events/s", now.percent(),
                            events, head, chains.size(), now.ordersBroken(), Math.round(now.eventsPerSecond()));
                }
                if (head > 0 && position >= head) {
                    break;
                }
            }
            Status done = summary("DONE", started, clock.instant(), startedBy, events, head, head, chains, broken);
            status.set(done);
            log.info("Store check done: {} events, {} orders — {} intact, {} broken, {} not sealed; {} events/s",
                    events, done.ordersChecked(), done.ordersIntact(), done.ordersBroken(), done.ordersNotSealed(),
                    Math.round(done.eventsPerSecond()));
            broken.forEach(b -> log.warn("Order {} is broken at event {} ({}): {} — {}", b.orderId(), b.sequence(), b.type(),
                    b.problem(), b.detail()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.set(summary("INTERRUPTED", started, clock.instant(), startedBy, events, head, 0, chains, broken));
        } catch (RuntimeException e) {
            log.error("Store check failed after {} events", events, e);
            Status failed = summary("FAILED", started, clock.instant(), startedBy, events, head, 0, chains, broken);
            status.set(failed);
        }
    }

    /** The store's events in order: as stored where that is possible (no upcasting, see {@link EventsAsStored}). */
    private interface Events extends AutoCloseable {
        boolean hasNext() throws InterruptedException;

        TrackedEventMessage<?> next() throws InterruptedException;

        @Override
        void close();
    }

    private Events open() {
        java.util.stream.Stream<? extends TrackedEventMessage<?>> stored = asStored.all();
        if (stored != null) {
            java.util.Iterator<? extends TrackedEventMessage<?>> each = stored.iterator();
            return new Events() {
                public boolean hasNext() {
                    return each.hasNext();
                }

                public TrackedEventMessage<?> next() {
                    return each.next();
                }

                public void close() {
                    stored.close();
                }
            };
        }
        BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
        return new Events() {
            public boolean hasNext() throws InterruptedException {
                return stream.hasNextAvailable(2, TimeUnit.SECONDS);
            }

            public TrackedEventMessage<?> next() throws InterruptedException {
                return stream.nextAvailable();
            }

            public void close() {
                stream.close();
            }
        };
    }

    private Status summary(String state, Instant started, Instant finished, String startedBy, long events, long head,
                                  long position, Map<String, ChainCheck> chains, List<BrokenOrder> broken) {
        long notSealed = chains.values().stream().filter(c -> c.failure() != null && c.failure().problem() == ChainCheck.Problem.NOT_SEALED).count();
        long brokenCount = chains.values().stream().filter(c -> c.failure() != null && c.failure().problem() != ChainCheck.Problem.NOT_SEALED).count();
        double seconds = Math.max(0.001, Duration.between(started, finished == null ? clock.instant() : finished).toNanos() / 1e9);
        int percent = head <= 0 ? 100 : (int) Math.min(100, position * 100 / head);
        return new Status(state, started, finished, startedBy, events, head, percent, chains.size(),
                chains.size() - notSealed - brokenCount, brokenCount, notSealed, events / seconds, List.copyOf(broken));
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
