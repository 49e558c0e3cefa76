package com.orderdesk.command.space;

import com.orderdesk.shared.ModuleApi;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Where held places are kept: table {@code space_hold} in the command's store ({@link JdbcHoldTable}), written on the
 * command's own transaction; in memory for the aggregate's tests. Its key (service, hour, place) is what makes a place
 * impossible to sell twice: {@link #insert} of a place another transaction holds fails with {@link SpaceTakenMeanwhile}.
 */
@ModuleApi
public interface HoldTable {
    /** One held place: {@code orderId} holds place {@code place} of {@code hour}. */
    record Hold(Instant hour, int place, String orderId) {
    }

    /** What every hour of {@code serviceId} in {@code [from, to)} holds, in hour order. */
    List<Hold> holds(String serviceId, Instant from, Instant to);

    /** Places taken per hour of {@code serviceId} in {@code [from, to)}, leaving out those {@code exceptOrderId} holds. */
    default Map<Instant, BitSet> placesTaken(String serviceId, Instant from, Instant to, String exceptOrderId) {
        Map<Instant, BitSet> taken = new java.util.HashMap<>();
        for (Hold hold : holds(serviceId, from, to)) {
            if (!hold.orderId().equals(exceptOrderId)) {
                taken.computeIfAbsent(hold.hour(), h -> new BitSet()).set(hold.place());
            }
        }
        return taken;
    }

    /** Holds each of {@code places} (hour → place) for {@code orderId}; a place held meanwhile: {@link SpaceTakenMeanwhile}. */
    void insert(String serviceId, String orderId, Map<Instant, Integer> places);

    /** Frees every place {@code orderId} holds: how many. */
    int release(String orderId);

    /** Whether {@code orderId} holds anything. */
    boolean holdsAny(String orderId);
}
