package com.orderdesk.app.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.time.Instant;

/**
 * One {@link TestClock} per application context, in place of the service's system clock;
 * {@code orderdesk.test.clock-from} (an instant) starts it running from there instead of now.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    @Primary
    TestClock testClock(@Value("${orderdesk.test.clock-from:}") String from) {
        TestClock clock = new TestClock();
        if (!from.isBlank()) {
            clock.advance(Duration.between(clock.instant(), Instant.parse(from)));
        }
        return clock;
    }
}
