package com.orderdesk.app.support;

import java.time.LocalDate;
import java.time.ZoneId;

/** Request bodies of a desk or guest order, as the API takes them. */
public final class OrderBodies {
    public static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");

    /**
     * The demo coworking's capacity in the test run (the demo's is 12): the suite books its same hours — three days
     * ahead, 10:00–14:00 — hundreds of times, and only the tests of capacity should meet a full hour. They use the
     * meeting room (1 place, {@link #meetingRoomDay}) or applications of their own with the demo's 12.
     */
    public static final String CORPUS_CAPACITY = "10000";
    private static final java.util.concurrent.atomic.AtomicInteger MEETING_ROOM_DAYS = new java.util.concurrent.atomic.AtomicInteger();

    private OrderBodies() {
    }

    /**
     * A working day for the meeting room (Mon–Fri, one place) that no other test of this run books: each call the next
     * one, from ten days after {@code today} on (its booking horizon is 90 days).
     */
    public static LocalDate meetingRoomDay(LocalDate today) {
        LocalDate day = today.plusDays(10);
        int skip = MEETING_ROOM_DAYS.getAndIncrement();
        while (true) {
            if (day.getDayOfWeek().getValue() <= 5 && skip-- == 0) {
                return day;
            }
            day = day.plusDays(1);
        }
    }

    /** A place-order body at «Переговорная на 3 этаже» (500 ₽ an hour, full payment): {@code from}–{@code to} o'clock on {@code day}. */
    public static String meetingRoom(LocalDate day, int from, int to, String email) {
        return order("meeting-room-3rd-floor", day, from, to, "FULL", email);
    }

    /**
     * A place-order body at «Коворкинг на 2 этаже», «Стандарт»: {@code hours} from 10:00 on {@code day} in Perm, the
     * visitor giving {@code email} (none when null).
     */
    public static String order(LocalDate day, int hours, String plan, String email) {
        return order("coworking-2nd-floor", day, 10, 10 + hours, plan, email);
    }

    /** A place-order body at {@code serviceId}, «Стандарт», {@code from}–{@code to} o'clock on {@code day} in Perm. */
    public static String order(String serviceId, LocalDate day, int from, int to, String plan, String email) {
        return order(serviceId, day.atTime(from, 0).atZone(PERM).toOffsetDateTime(), day.atTime(to, 0).atZone(PERM).toOffsetDateTime(),
                plan, email);
    }

    /** A place-order body at {@code serviceId}, «Стандарт», from {@code start} to {@code end}. */
    public static String order(String serviceId, java.time.OffsetDateTime start, java.time.OffsetDateTime end, String plan, String email) {
        return """
                {"serviceId":"%s","tariffId":"standard",
                 "rentalPeriod":{"start":"%s","end":"%s"},"ticketNumber":"301",
                 "visitor":{"name":"Светлана Орлова","phone":"+7 912 555-12-34"%s},
                 "applicant":{"name":"Светлана Орлова","role":"Гость локации","phone":"8 912 555 12 34"},
                 "paymentPlan":"%s"}""".formatted(serviceId, start, end, email == null ? "" : ",\"email\":\"" + email + "\"", plan);
    }

    public static String money(String value) {
        return "{\"value\":\"" + value + "\",\"currency\":\"RUB\"}";
    }

    public static String payment(String value, String method) {
        return "{\"amount\":" + money(value) + ",\"method\":\"" + method + "\"}";
    }
}
