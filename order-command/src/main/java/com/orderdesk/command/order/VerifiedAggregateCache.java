package com.orderdesk.command.order;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Orders kept in memory between commands (docs/adr/011), so a command does not read and deserialize the order's
 * whole history every time. Each node has its own copy and nodes share one store, so a cached order may have fallen
 * behind an event another node appended: before it is used, its version is compared with the order's last event in the
 * store (one index range read), and a stale copy is dropped and the order loaded from its events.
 * <p>
 * Axon drops the copy as well when the command that used it rolls back (its events were not stored). At most
 * {@code capacity} orders are held, the least recently used leave first (Caffeine); a weakly referenced cache
 * (Axon's default choice) lost its entries at every young collection under load, so nothing was ever found.
 */
public class VerifiedAggregateCache implements Cache {
    private final ConcurrentMap<Object, Object> entries;
    private final Supplier<EventStore> store;

    public VerifiedAggregateCache(Supplier<EventStore> store, long capacity) {
        this.store = store;
        this.entries = Caffeine.newBuilder().maximumSize(capacity).build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry = entries.get(key);
        if (entry instanceof AggregateCacheEntry<?> cached) {
            Long version = versionOf(cached);
            if (version == null || !lastInStore(key.toString(), version)) {
                entries.remove(key, entry);
                return null;
            }
        }
        return (V) entry;
    }

    /**
     * Whether {@code version} is the order's last event in the store: the event is there and none follows it. It
     * reads the events from {@code version} on (one index range, normally one row; payloads are not deserialized)
     * instead of asking for the maximum sequence number, which H2 answers by walking every event of the order.
     */
    private boolean lastInStore(String aggregateIdentifier, long version) {
        DomainEventStream stored = store.get().readEvents(aggregateIdentifier, version);
        return stored.hasNext() && stored.next().getSequenceNumber() == version && !stored.hasNext();
    }

    /** The version of the in-memory aggregate the entry holds (null when it holds none). */
    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return entry.recreateAggregate(null, null, null, null).version();
        } catch (RuntimeException notInMemory) {
            return null;
        }
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Only the aggregate repository uses this cache, and it listens to nothing. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("The order cache reports no entry events");
    }
}
