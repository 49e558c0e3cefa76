package com.orderdesk.command.catalog;

import com.orderdesk.shared.ModuleApi;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a service can be booked, in whole hours of its own zone (issue 27, docs/adr/019): per weekday one span
 * {@code [open, close)} (a day without one is closed), and dates it is closed whatever the weekday. Local times only: a
 * day that a clock change shortens or lengthens has the hours its wall clock shows.
 *
 * <p>Operators write it as {@code daily: "08:00-22:00"}, {@code mon-fri: "09:00-21:00"}, {@code sat: "closed"}, with
 * {@code 24:00} for midnight at the end; a range wins over {@code daily} and a single day over a range. A range wraps
 * the week ({@code fri-mon}).
 */
@ModuleApi
public final class OpeningHours {
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    /** hours of the day a weekday opens and closes, {@code 0 ≤ open < close ≤ 24}; absent: closed all day */
    private final Map<DayOfWeek, int[]> spans;
    private final Set<LocalDate> closedDates;

    private OpeningHours(Map<DayOfWeek, int[]> spans, Collection<LocalDate> closedDates) {
        this.spans = spans;
        this.closedDates = Set.copyOf(new TreeSet<>(closedDates));
    }

    /** Open every hour of every day (a service whose catalog entry names no opening hours). */
    public static OpeningHours always() {
        Map<DayOfWeek, int[]> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, new int[]{0, 24});
        }
        return new OpeningHours(all, List.of());
    }

    /**
     * Reads what the operator wrote; anything it cannot read fails start-up with the service's id and the entry, so a
     * typo never opens a room at night.
     */
    public static OpeningHours parse(String serviceId, Map<String, String> spec, Collection<LocalDate> closedDates) {
        if (spec == null || spec.isEmpty()) {
            return new OpeningHours(always().spans, closedDates == null ? List.of() : closedDates);
        }
        // the more specific wins: 'daily', then a range (mon-fri), then a single day (sat); two keys of the same kind
        // naming one day are a mistake, whatever order they were written in
        Map<DayOfWeek, int[]> spans = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, Integer> setBy = new EnumMap<>(DayOfWeek.class);
        for (int kind = 0; kind <= 2; kind++) {
            for (Map.Entry<String, String> entry : spec.entrySet()) {
                String key = entry.getKey().strip().toLowerCase(Locale.ROOT);
                int keyKind = key.equals("daily") ? 0 : key.contains("-") ? 1 : 2;
                if (keyKind != kind) {
                    continue;
                }
                int[] span = span(serviceId, key, entry.getValue());
                for (DayOfWeek day : key.equals("daily") ? List.of(DayOfWeek.values()) : days(serviceId, key)) {
                    if (Integer.valueOf(kind).equals(setBy.put(day, kind))) {
                        throw new IllegalArgumentException("Catalog: service " + serviceId + ": opening-hours name "
                                + day.toString().toLowerCase(Locale.ROOT) + " twice");
                    }
                    if (span == null) {
                        spans.remove(day);
                    } else {
                        spans.put(day, span);
                    }
                }
            }
        }
        return new OpeningHours(spans, closedDates == null ? List.of() : closedDates);
    }

    private static List<DayOfWeek> days(String serviceId, String key) {
        String[] ends = key.split("-", -1);
        DayOfWeek from = DAYS.get(ends[0].strip());
        DayOfWeek to = ends.length == 2 ? DAYS.get(ends[1].strip()) : from;
        if (from == null || to == null || ends.length > 2) {
            throw new IllegalArgumentException("Catalog: service " + serviceId + ": opening-hours key '" + key
                    + "' is not a weekday (mon…sun), a range of them (mon-fri) or 'daily'");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek day = from; ; day = day.plus(1)) {
            days.add(day);
            if (day == to) {
                return days;
            }
        }
    }

    /** "09:00-21:00" → {9, 21}; "closed" → null. */
    private static int[] span(String serviceId, String key, String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("closed")) {
            return null;
        }
        String[] ends = text.split("-", -1);
        if (ends.length != 2) {
            throw badSpan(serviceId, key, value);
        }
        int open = hour(serviceId, key, value, ends[0].strip());
        int close = hour(serviceId, key, value, ends[1].strip());
        if (open >= close) {
            throw new IllegalArgumentException("Catalog: service " + serviceId + ": opening-hours " + key + " '" + value
                    + "' closes before it opens (a span past midnight is two days' spans)");
        }
        return new int[]{open, close};
    }

    private static int hour(String serviceId, String key, String value, String time) {
        if (time.equals("24:00")) {
            return 24;
        }
        try {
            LocalTime at = LocalTime.parse(time);
            if (at.getMinute() != 0 || at.getSecond() != 0 || at.getNano() != 0) {
                throw new IllegalArgumentException("Catalog: service " + serviceId + ": opening-hours " + key + " '"
                        + value + "': bookings are whole hours, so opening hours are too");
            }
            return at.getHour();
        } catch (DateTimeParseException e) {
            throw badSpan(serviceId, key, value);
        }
    }

    private static IllegalArgumentException badSpan(String serviceId, String key, String value) {
        return new IllegalArgumentException("Catalog: service " + serviceId + ": opening-hours " + key + " '" + value
                + "' is not HH:00-HH:00 or 'closed'");
    }

    /** Whether the hour starting at {@code hourStart} (local, on the hour) can be booked. */
    public boolean isOpen(LocalDateTime hourStart) {
        if (closedDates.contains(hourStart.toLocalDate())) {
            return false;
        }
        int[] span = spans.get(hourStart.getDayOfWeek());
        return span != null && hourStart.getHour() >= span[0] && hourStart.getHour() < span[1];
    }

    /** The starts of the day's bookable hours, in order (none on a closed day). */
    public List<LocalDateTime> hoursOf(LocalDate day) {
        if (closedDates.contains(day)) {
            return List.of();
        }
        int[] span = spans.get(day.getDayOfWeek());
        if (span == null) {
            return List.of();
        }
        List<LocalDateTime> hours = new ArrayList<>(span[1] - span[0]);
        for (int hour = span[0]; hour < span[1]; hour++) {
            hours.add(day.atTime(hour, 0));
        }
        return hours;
    }

    /** Each weekday's hours, Monday first, as the API shows them: {@code "mon" → "09:00-21:00"} or {@code "closed"}. */
    public Map<String, String> weekly() {
        Map<String, String> weekly = new java.util.LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int[] span = spans.get(day);
            weekly.put(day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT),
                    span == null ? "closed" : String.format("%02d:00-%02d:00", span[0], span[1]));
        }
        return weekly;
    }

    /** The dates it is closed whatever the weekday, in order. */
    public List<LocalDate> closedDates() {
        return new ArrayList<>(new TreeSet<>(closedDates));
    }

    /** For messages: "09:00–21:00" on the day's weekday, or empty when closed that day. */
    public String describe(LocalDate day) {
        List<LocalDateTime> hours = hoursOf(day);
        if (hours.isEmpty()) {
            return "";
        }
        int close = hours.get(hours.size() - 1).getHour() + 1;
        return String.format("%02d:00–%02d:00", hours.get(0).getHour(), close);
    }
}
