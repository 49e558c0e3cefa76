package com.orderdesk.command.space;

import com.orderdesk.shared.ModuleApi;
import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.error.Rejection;
import com.orderdesk.shared.value.RentalPeriod;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The places a service's orders hold, hour by hour (issue 27, docs/adr/019), and the one place that decides whether
 * an order fits: placing, moving and the availability page all ask here.
 *
 * <p>{@link #take} reads what each hour of the period holds and refuses the full ones; otherwise it holds, per hour,
 * a free place — the first from a place chosen by the order's id, so that orders booking the same hours at once
 * mostly take different places. Two transactions that both saw a place free insert the same key: the second waits for the
 * first and fails ({@link SpaceTakenMeanwhile}) — the table's key, not this class, is what keeps a place from being
 * sold twice. Services without a capacity are not tracked: nothing is held. Whether the hours are whole and inside
 * opening hours is the catalog's rule ({@link Catalog#requireBookable}), checked before.
 */
@Component
@ModuleApi
public class SpaceHolds {
    private final HoldTable table;

    public SpaceHolds(HoldTable table) {
        this.table = table;
    }

    /** What {@link #take} found. */
    public sealed interface Outcome {
        /**
         * Refuses with {@code no-capacity} when hours were full: the first full hour named in the service's zone, every
         * full hour in the rejection's {@code conflicts}.
         */
        default void orRefuse(Catalog.Service service) {
            if (this instanceof Full full) {
                ZoneId zone = service.timeZone();
                List<Rejection.Conflict> conflicts = full.hours().stream().map(hour -> new Rejection.Conflict(
                        ISO.format(hour.atZone(zone)), ISO.format(hour.plusSeconds(3600).atZone(zone)))).toList();
                ZonedDateTime first = full.hours().get(0).atZone(zone);
                String more = full.hours().size() > 1 ? " (и ещё " + (full.hours().size() - 1) + " ч. периода)" : "";
                throw new RejectedException(new Rejection(ErrorCode.NO_CAPACITY, "«" + service.name() + "»: на "
                        + FULL_HOUR.format(first) + "–" + FULL_HOUR_END.format(first.plusHours(1)) + " (время местное) свободных мест нет"
                        + more + ". Выберите другое время.", "rentalPeriod", conflicts));
            }
        }

        /** The places are held (or the service is not tracked): how many hours. */
        record Taken(int hours) implements Outcome {
        }

        /** Hours without a free place, in order, as instants (each the start of a one-hour slot). */
        record Full(List<Instant> hours) implements Outcome {
        }
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter FULL_HOUR = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter FULL_HOUR_END = DateTimeFormatter.ofPattern("HH:mm");

    /** One hour of a service's availability: {@code free} of {@code capacity} places (both null when not tracked). */
    public record Slot(Instant start, Instant end, Integer free, Integer capacity) {
    }

    /**
     * The hours an order of {@code period} occupies: each hour it touches, from the hour its start falls in to the one
     * its end falls before (a rental of whole hours: exactly its hours). In the service's zone, so that a service in a
     * zone with a half-hour offset holds its own wall-clock hours.
     */
    public static List<Instant> hoursOf(RentalPeriod period, ZoneId zone) {
        List<Instant> hours = new ArrayList<>();
        ZonedDateTime hour = period.start().atZone(zone).truncatedTo(ChronoUnit.HOURS);
        while (hour.toInstant().isBefore(period.end())) {
            hours.add(hour.toInstant());
            hour = hour.plusHours(1);
        }
        return hours;
    }

    /**
     * Takes one place for each hour of {@code period} for a new order {@code orderId}, or says which hours are full (and
     * changes nothing).
     */
    public Outcome take(Catalog.Service service, String orderId, RentalPeriod period) {
        return take(service, orderId, period, false);
    }

    /**
     * Moves {@code orderId} to {@code period}: the same as {@link #take}, but what the order already holds counts as free
     * for it and is given up for the new hours — a move that overlaps its own old hours keeps fitting where it stood.
     */
    public Outcome move(Catalog.Service service, String orderId, RentalPeriod period) {
        return take(service, orderId, period, true);
    }

    private Outcome take(Catalog.Service service, String orderId, RentalPeriod period, boolean moving) {
        List<Instant> hours = hoursOf(period, service.timeZone());
        if (service.capacity() == null || hours.isEmpty()) {
            if (moving) {
                table.release(orderId);
            }
            return new Outcome.Taken(hours.size());
        }
        Map<Instant, BitSet> taken = placesTaken(service, hours, orderId);
        List<Instant> full = new ArrayList<>();
        Map<Instant, Integer> places = new LinkedHashMap<>();
        // each order starts looking at a place of its own (by its id), not at place 0: orders booking the same hours at
        // the same moment then mostly take different places instead of all racing for the lowest free one (measured:
        // 8 desks booking one day of a large coworking at once, docs/benchmarks.md); the key still settles a clash
        int first = Math.floorMod(orderId.hashCode(), service.capacity());
        for (Instant hour : hours) {
            int free = freePlace(taken.getOrDefault(hour, new BitSet()), first, service.capacity());
            if (free < 0) {
                full.add(hour);
            } else {
                places.put(hour, free);
            }
        }
        if (!full.isEmpty()) {
            return new Outcome.Full(full);
        }
        if (moving) {
            table.release(orderId);
        }
        table.insert(service.id(), orderId, places);
        return new Outcome.Taken(hours.size());
    }

    /**
     * Holds an order that was placed before its service's places were tracked and holds nothing yet (the catch-up,
     * docs/adr/019): the lowest free place of every hour — beyond the capacity where earlier orders already fill it,
     * for staff to resolve. Never refuses; answers the hours it held beyond the capacity.
     */
    public List<Instant> fill(Catalog.Service service, String orderId, RentalPeriod period) {
        List<Instant> hours = hoursOf(period, service.timeZone());
        if (service.capacity() == null || hours.isEmpty()) {
            return List.of();
        }
        Map<Instant, BitSet> taken = placesTaken(service, hours, orderId);
        Map<Instant, Integer> places = new LinkedHashMap<>();
        List<Instant> beyond = new ArrayList<>();
        for (Instant hour : hours) {
            int free = taken.getOrDefault(hour, new BitSet()).nextClearBit(0);
            places.put(hour, free);
            if (free >= service.capacity()) {
                beyond.add(hour);
            }
        }
        table.insert(service.id(), orderId, places);
        return beyond;
    }

    /** The places others than {@code orderId} hold in each of {@code hours} (consecutive, in order). */
    private Map<Instant, BitSet> placesTaken(Catalog.Service service, List<Instant> hours, String orderId) {
        return table.placesTaken(service.id(), hours.get(0), hours.get(hours.size() - 1).plus(1, ChronoUnit.HOURS), orderId);
    }

    /** Hours of {@code service} in {@code [from, to)} that hold more orders than its capacity, each with its orders. */
    public Map<Instant, List<String>> overbooked(Catalog.Service service, Instant from, Instant to) {
        Map<Instant, List<String>> over = new TreeMap<>();
        if (service.capacity() == null) {
            return over;
        }
        occupants(service.id(), from, to).forEach((hour, orders) -> {
            if (orders.size() > service.capacity()) {
                over.put(hour, orders);
            }
        });
        return over;
    }

    /** The first free place from {@code first} on, wrapping round; -1 when all {@code capacity} are taken. */
    static int freePlace(BitSet taken, int first, int capacity) {
        int free = taken.nextClearBit(first);
        if (free < capacity) {
            return free;
        }
        free = taken.nextClearBit(0);
        return free < first ? free : -1;
    }

    /** Frees every place {@code orderId} holds (a cancellation, a lapse): how many. */
    public int release(String orderId) {
        return table.release(orderId);
    }

    /** Places held per hour of {@code serviceId} in {@code [from, to)}: hours nobody holds are absent. */
    public Map<Instant, Integer> held(String serviceId, Instant from, Instant to) {
        Map<Instant, Integer> held = new TreeMap<>();
        table.placesTaken(serviceId, from, to, null).forEach((hour, places) -> held.put(hour, places.cardinality()));
        return held;
    }

    /** Which orders hold each hour of {@code serviceId} in {@code [from, to)}, in place order. */
    public Map<Instant, List<String>> occupants(String serviceId, Instant from, Instant to) {
        Map<Instant, List<String>> occupants = new TreeMap<>();
        for (HoldTable.Hold hold : table.holds(serviceId, from, to)) {
            occupants.computeIfAbsent(hold.hour(), h -> new ArrayList<>()).add(hold.orderId());
        }
        return occupants;
    }

    /**
     * Every open hour of {@code service} from {@code from} to {@code to} (local dates, both included) with its free
     * places: what {@link #take} would find, read the same way.
     */
    public List<Slot> availability(Catalog.Service service, LocalDate from, LocalDate to) {
        ZoneId zone = service.timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<Instant, Integer> held = service.capacity() == null ? Map.of() : held(service.id(), start, end);
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (LocalDateTime hour : service.openingHours().hoursOf(day)) {
                ZonedDateTime at = hour.atZone(zone);
                if (!at.toLocalDateTime().equals(hour)) {
                    continue; // an hour the clocks skip
                }
                Instant instant = at.toInstant();
                Integer free = service.capacity() == null ? null : Math.max(0, service.capacity() - held.getOrDefault(instant, 0));
                slots.add(new Slot(instant, instant.plus(1, ChronoUnit.HOURS), free, service.capacity()));
            }
        }
        return slots;
    }
}
