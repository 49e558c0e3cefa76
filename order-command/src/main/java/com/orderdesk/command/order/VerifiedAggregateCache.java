package com.orderdesk.command.order;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Orders kept in memory between commands (docs/adr/011), so a command does not read and deserialize the order's
 * whole history every time. Each node has its own copy and nodes share one store, so a cached order may have fallen
 * behind an event another node appended: before it is used, its version is compared with the store's last sequence
 * number for the order (one index look-up), and a stale copy is dropped and the order loaded from its events.
 * <p>
 * Axon drops the copy as well when the command that used it rolls back (its events were not stored). Entries are
 * weakly held: memory pressure evicts them, and an evicted order is simply loaded from the store.
 */
public class VerifiedAggregateCache implements Cache {
    private final Cache entries = new WeakReferenceCache();
    private final Supplier<EventStore> store;

    public VerifiedAggregateCache(Supplier<EventStore> store) {
        this.store = store;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry = entries.get(key);
        if (entry instanceof AggregateCacheEntry<?> cached) {
            Long version = versionOf(cached);
            Optional<Long> stored = store.get().lastSequenceNumberFor(key.toString());
            if (version == null || !Objects.equals(stored.orElse(null), version)) {
                entries.remove(key);
                return null;
            }
        }
        return (V) entry;
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
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public <V> void computeIfPresent(Object key, java.util.function.UnaryOperator<V> update) {
        entries.computeIfPresent(key, update);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return entries.registerCacheEntryListener(listener);
    }
}
