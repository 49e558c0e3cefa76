package com.orderdesk.app.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the crash tests ({@code CrashIT}): with {@code orderdesk.test-faults.halt-at} set to
 * {@value #BEFORE_COMMIT} or {@value #AFTER_COMMIT}, a request whose {@code Idempotency-Key} starts with
 * {@code orderdesk.test-faults.key-prefix} stops the JVM at that point of its transaction as {@code kill -9} would
 * (no shutdown hooks, nothing flushed). Off unless both are set; never set in production.
 */
@Component
public class CrashPoints {
    static final String BEFORE_COMMIT = "before-commit";
    static final String AFTER_COMMIT = "after-commit";
    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    private final String haltAt;
    private final String keyPrefix;

    CrashPoints(@Value("${orderdesk.test-faults.halt-at:}") String haltAt, @Value("${orderdesk.test-faults.key-prefix:}") String keyPrefix) {
        this.haltAt = haltAt.isBlank() || keyPrefix.isBlank() ? null : haltAt;
        this.keyPrefix = keyPrefix;
        if (this.haltAt != null) {
            log.warn("TEST FAULTS ON: the JVM halts {} of any request whose Idempotency-Key starts with '{}'", haltAt, keyPrefix);
        }
    }

    void reached(String point, String key) {
        if (point.equals(haltAt) && key.startsWith(keyPrefix)) {
            log.warn("TEST FAULT: halting {} of the request with key {}", point, key);
            Runtime.getRuntime().halt(137);
        }
    }
}
