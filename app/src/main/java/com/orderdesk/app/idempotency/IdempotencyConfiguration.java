package com.orderdesk.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
@EnableScheduling
public class IdempotencyConfiguration {
    /**
     * The last filter before the servlet: after Spring Security (keys are scoped to the signed-in caller), and nothing
     * between it and the controllers, since a request whose command lost a race runs through the rest of the chain again.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper json,
                                                                PlatformTransactionManager transactions, CrashPoints crashPoints) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, json, transactions, crashPoints));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
