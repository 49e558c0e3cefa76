package com.orderdesk.payment.gateway;

import org.axonframework.deadline.DeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** How long a saga waits before it talks to a gateway that was unavailable again: 2 s, 4 s, 8 s … at most 5 minutes. */
public final class GatewayRetry {
    private static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(GatewayRetry.class);

    private GatewayRetry() {
    }

    /** The wait before attempt {@code attempt} + 1 (the first retry is attempt 1). */
    static Duration after(int attempt) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempt, 8));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * A saga's answer to an outage on its {@code attempt} (counted from 1) at {@code what}: logged, and the id of its
     * retry deadline — {@code scheduled} when one is on its way already, else a new deadline {@code name} after the wait.
     */
    public static String schedule(DeadlineManager deadlines, String name, String scheduled, int attempt, String what, RuntimeException cause) {
        Duration delay = after(attempt);
        log.warn("Gateway unavailable for {} (attempt {}), retrying in {}: {}", what, attempt, delay, cause.getMessage());
        return scheduled != null ? scheduled : deadlines.schedule(delay, name);
    }
}
