package com.orderdesk.payment.gateway;

import java.time.Duration;

/** How long a saga waits before it talks to a gateway that was unavailable again: 2 s, 4 s, 8 s … at most 5 minutes. */
public final class GatewayRetry {
    private static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private GatewayRetry() {
    }

    /** The wait before attempt {@code attempt} + 1 (the first retry is attempt 1). */
    public static Duration after(int attempt) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempt, 8));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
