package com.orderdesk.query.readmodel;

import com.orderdesk.shared.ModuleApi;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The event store as a pooled processor's message source, with one addition: its streams tell the processor when
 * events may be available. The embedded JPA store cannot, so its pooled processors poll every 500 ms. Here a tick
 * wakes them every {@code poll}; and, for a processor that must react at once (the payment saga), a local commit of
 * an event it handles wakes it too (and twice shortly after, in case the store's own fetch lags). The projections'
 * catch-up processors do not need that: the inline path has written their read models already (docs/adr/011), and
 * waking them after every commit cost the request path half the service's CPU under load. Nor does the saga need to
 * wake for the desk's payments and messages it ignores, each of which it used to look for three times.
 */
@ModuleApi
public class LocallyNotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    private static final long[] WAKE_DELAYS_MS = {0, 25, 150};
    private static final Predicate<EventMessage<?>> NO_EVENT = message -> false;

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    /** A source its processors poll, woken by no commit. */
    public static LocallyNotifiedEventSource polled(EventStore store, Duration poll) {
        return new LocallyNotifiedEventSource(store, NO_EVENT, poll);
    }

    /**
     * @param wakeFor which events, committed on this node, wake the processors at once
     * @param poll    how often they look for events otherwise (those of other nodes, those left behind)
     */
    public LocallyNotifiedEventSource(EventStore store, Predicate<? super EventMessage<?>> wakeFor, Duration poll) {
        this.store = store;
        if (wakeFor != NO_EVENT) {
            store.registerDispatchInterceptor(messages -> {
                if (messages.stream().anyMatch(wakeFor)) {
                    AfterCommit.run(this::eventsCommitted);
                }
                return (index, message) -> message;
            });
        }
        wakeUps.scheduleWithFixedDelay(this::wakeAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void eventsCommitted() {
        for (long delay : WAKE_DELAYS_MS) {
            wakeUps.schedule(this::wakeAll, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void wakeAll() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        wakeUps.shutdownNow();
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
