package com.orderdesk.command.space;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.value.RentalPeriod;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The places a service's orders hold, hour by hour (issue 27, docs/adr/019): table {@code space_hold}, written in the
 * transaction of the command that takes or frees them, so that a hold and its event commit together or not at all.
 *
 * <p>{@link #take} reads what each hour of the period holds, refuses the hours outside opening hours and the full
 * ones, and otherwise inserts, per hour, the lowest free place. Two transactions that both saw a place free insert the
 * same key: the second waits for the first and fails ({@link SpaceTakenMeanwhile}) — the primary key, not this class,
 * is what keeps a place from being sold twice. Services without a capacity are not tracked: nothing is written.
 */
@Component
public class SpaceHolds {
    private final JdbcTemplate jdbc;

    public SpaceHolds(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** What {@link #take} found. */
    public sealed interface Outcome {
        /** The places are held (or the service is not tracked). */
        record Taken(int hours) implements Outcome {
        }

        /** Hours the service is closed, in order, as local hour starts in its zone. */
        record Closed(List<LocalDateTime> hours) implements Outcome {
        }

        /** Hours without a free place, in order, as instants. */
        record Full(List<Instant> hours) implements Outcome {
        }
    }

    /** Another transaction took a place this one saw free, and committed first: the command runs again and sees it. */
    public static final class SpaceTakenMeanwhile extends RuntimeException {
        SpaceTakenMeanwhile(Throwable cause) {
            super("a place of the hours asked for was taken meanwhile", cause);
        }
    }

    /**
     * The hours an order of {@code period} occupies: each hour it touches, from the hour its start falls in to the one
     * its end falls before (a rental of whole hours: exactly its hours). In the service's zone, so that a service in a
     * zone with a half-hour offset holds its own wall-clock hours.
     */
    public static List<Instant> hoursOf(RentalPeriod period, java.time.ZoneId zone) {
        List<Instant> hours = new ArrayList<>();
        ZonedDateTime hour = period.start().atZone(zone).truncatedTo(ChronoUnit.HOURS);
        while (hour.toInstant().isBefore(period.end())) {
            hours.add(hour.toInstant());
            hour = hour.plusHours(1);
        }
        return hours;
    }

    /** Takes one place for each hour of {@code period} for {@code orderId}, or says why not (and writes nothing). */
    public Outcome take(Catalog.Service service, String orderId, RentalPeriod period) {
        List<Instant> hours = hoursOf(period, service.timeZone());
        List<LocalDateTime> closed = new ArrayList<>();
        for (Instant hour : hours) {
            LocalDateTime local = LocalDateTime.ofInstant(hour, service.timeZone());
            if (!service.openingHours().isOpen(local)) {
                closed.add(local);
            }
        }
        if (!closed.isEmpty()) {
            return new Outcome.Closed(closed);
        }
        if (service.capacity() == null) {
            return new Outcome.Taken(hours.size());
        }
        Map<Instant, BitSet> taken = placesTaken(service.id(), hours.get(0), hours.get(hours.size() - 1).plus(1, ChronoUnit.HOURS));
        List<Instant> full = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(hours.size());
        for (Instant hour : hours) {
            BitSet places = taken.getOrDefault(hour, new BitSet());
            int free = places.nextClearBit(0);
            if (free >= service.capacity()) {
                full.add(hour);
            } else {
                rows.add(new Object[]{service.id(), at(hour), free, orderId});
            }
        }
        if (!full.isEmpty()) {
            return new Outcome.Full(full);
        }
        try {
            jdbc.batchUpdate("insert into space_hold (service_id, hour_start, place, order_id) values (?, ?, ?, ?)", rows);
        } catch (DuplicateKeyException e) {
            throw new SpaceTakenMeanwhile(e);
        }
        return new Outcome.Taken(hours.size());
    }

    /** Frees every place {@code orderId} holds (a cancellation, a lapse, the first half of a move): how many hours. */
    public int release(String orderId) {
        return jdbc.update("delete from space_hold where order_id = ?", orderId);
    }

    /** Places held per hour of {@code serviceId} in {@code [from, to)}: hours nobody holds are absent. */
    public Map<Instant, Integer> held(String serviceId, Instant from, Instant to) {
        Map<Instant, Integer> held = new TreeMap<>();
        placesTaken(serviceId, from, to).forEach((hour, places) -> held.put(hour, places.cardinality()));
        return held;
    }

    private Map<Instant, BitSet> placesTaken(String serviceId, Instant from, Instant to) {
        Map<Instant, BitSet> taken = new HashMap<>();
        jdbc.query("select hour_start, place from space_hold where service_id = ? and hour_start >= ? and hour_start < ?",
                rs -> {
                    Instant hour = rs.getObject(1, OffsetDateTime.class).toInstant();
                    taken.computeIfAbsent(hour, h -> new BitSet()).set(rs.getInt(2));
                }, serviceId, at(from), at(to));
        return taken;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
