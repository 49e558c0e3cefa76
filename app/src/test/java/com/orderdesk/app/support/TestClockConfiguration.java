package com.orderdesk.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** One {@link TestClock} per application context, in place of the service's system clock. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
