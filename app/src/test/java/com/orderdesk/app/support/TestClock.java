package com.orderdesk.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The service's {@link Clock} in a test application context ({@link TestClockConfiguration}): the real time unless
 * a test sets it, and only for that context — other contexts in the JVM, and Axon's static clocks, never see it.
 * {@code HttpTestBase} puts it back to the real time after every test.
 */
public final class TestClock extends Clock {
    /**
     * The time of day a test that cares about "today" runs at, in the service's zone: noon, far from either midnight;
     * {@code -Dorderdesk.test.time-of-day=23:59:50} runs those tests ten seconds before one instead.
     */
    public static final LocalTime TIME_OF_DAY = LocalTime.parse(System.getProperty("orderdesk.test.time-of-day", "12:00"));

    /**
     * Where "the real time" is for these tests: the real time shifted by this much ({@code 0} unless
     * {@code -Dorderdesk.test.clock-shift=PT9H} says otherwise) — to run the whole suite at another hour of the
     * service's day without waiting for it (a test that passes only in the afternoon is a defect, ADR 016).
     */
    public static final Duration SHIFT = Duration.parse(System.getProperty("orderdesk.test.clock-shift", "PT0S"));

    private volatile Instant frozen;
    private volatile Duration offset = SHIFT;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Instant.now().plus(offset);
    }

    /** Stops the clock at {@code at}. */
    public void freezeAt(Instant at) {
        frozen = at;
    }

    /**
     * Stops the clock today (by the real date in {@code zone}) at {@link #TIME_OF_DAY} there, and answers that day: for
     * tests that compute "today" and must not see it change under them.
     */
    public LocalDate freezeToday(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        freezeAt(today.atTime(TIME_OF_DAY).atZone(zone).toInstant());
        return today;
    }

    /** Moves the clock by {@code by}, stopped or running. */
    public void advance(Duration by) {
        Instant at = frozen;
        if (at != null) {
            frozen = at.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Runs {@code action} with the clock {@code by} ahead, then moves it back. */
    public <T> T ahead(Duration by, Supplier<T> action) {
        advance(by);
        try {
            return action.get();
        } finally {
            advance(by.negated());
        }
    }

    /** The real time again. */
    public void reset() {
        frozen = null;
        offset = SHIFT;
    }

    /** Today where {@code zone} is, by this clock. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(instant(), zone);
    }
}
