package com.orderdesk.app.time;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The service's one clock (docs/adr/016): every "now" of the product — the order deciding a cut-off or stamping an
 * event's {@code at}, the catalog's quote, the cash report's "today", the mail worker, the webhook inbox, the
 * idempotency records — reads this bean, handed to Axon handlers as a parameter and to beans by their constructor.
 * Tests replace it per application context (a settable clock), never by a JVM-wide static.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
