package com.orderdesk.app.support;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait for what happens after an answer (Awaitility underneath): read until a condition holds, at
 * most {@link #TIMEOUT} — generous on two loaded cores — and fail saying what did not happen and what was seen last.
 * A check that something did <em>not</em> happen first waits here for a positive sign that the input was handled.
 */
public final class Await {
    public static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("orderdesk.test.await-seconds", 60));
    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** Reads until {@code done} holds; answers the read that satisfied it. */
    public static <T> T until(String what, Supplier<T> read, Predicate<? super T> done) {
        return until(what, TIMEOUT, read, done);
    }

    public static <T> T until(String what, Duration limit, Supplier<T> read, Predicate<? super T> done) {
        AtomicReference<Object> last = new AtomicReference<>("nothing read yet");
        try {
            return Awaitility.await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(POLL).pollInSameThread()
                    .until(() -> {
                        T value = read.get();
                        last.set(value);
                        return value;
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s; last seen: " + last.get(), e);
        }
    }

    /**
     * Waits until the event store is at rest: its {@code head} (newest global index) unmoved for {@code stillFor} while
     * nothing is {@code busy} (e.g. a saga deadline due soon, which will append); answers the head.
     */
    public static long atRest(Duration limit, Supplier<Long> head, BooleanSupplier busy, Duration stillFor) {
        long[] seen = {Long.MIN_VALUE};
        java.time.Instant[] since = {java.time.Instant.now()};
        until("the event store at rest", limit, () -> {
            long now = head.get();
            if (now != seen[0] || busy.getAsBoolean()) {
                seen[0] = now;
                since[0] = java.time.Instant.now();
                return false;
            }
            return Duration.between(since[0], java.time.Instant.now()).compareTo(stillFor) > 0;
        }, Boolean::booleanValue);
        return seen[0];
    }

    /** Waits until {@code condition} holds. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, TIMEOUT, condition::getAsBoolean, Boolean::booleanValue);
    }
}
