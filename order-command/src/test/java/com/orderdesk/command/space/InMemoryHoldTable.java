package com.orderdesk.command.space;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@link HoldTable} in memory, for the aggregate's tests: the same key, refused the same way. One thread at a time. */
public final class InMemoryHoldTable implements HoldTable {
    private record Row(String serviceId, Hold hold) {
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public synchronized List<Hold> holds(String serviceId, Instant from, Instant to) {
        return rows.stream().filter(row -> row.serviceId().equals(serviceId))
                .map(Row::hold).filter(hold -> !hold.hour().isBefore(from) && hold.hour().isBefore(to))
                .sorted(Comparator.comparing(Hold::hour).thenComparing(Hold::place)).toList();
    }

    @Override
    public synchronized void insert(String serviceId, String orderId, Map<Instant, Integer> places) {
        for (Map.Entry<Instant, Integer> place : places.entrySet()) {
            boolean taken = rows.stream().anyMatch(row -> row.serviceId().equals(serviceId)
                    && row.hold().hour().equals(place.getKey()) && row.hold().place() == place.getValue());
            if (taken) {
                throw new SpaceTakenMeanwhile(new IllegalStateException("place " + place + " of " + serviceId + " is held"));
            }
        }
        places.forEach((hour, place) -> rows.add(new Row(serviceId, new Hold(hour, place, orderId))));
    }

    @Override
    public synchronized int release(String orderId) {
        int before = rows.size();
        rows.removeIf(row -> row.hold().orderId().equals(orderId));
        return before - rows.size();
    }

    @Override
    public synchronized boolean holdsAny(String orderId) {
        return rows.stream().anyMatch(row -> row.hold().orderId().equals(orderId));
    }
}
