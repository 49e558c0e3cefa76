package com.orderdesk.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import java.time.Duration;

/** The demo's gateway (profile {@code demo}): the simulator and the shop it serves. */
@Configuration
@Profile("demo")
public class SimulatorConfiguration {

    /**
     * The shop the simulator knows, as YooKassa knows its shops: the id and secret key the application's gateway client
     * is given ({@code orderdesk.gateway.shop-id}, {@code …secret-key}), and how long that client waits for an answer
     * ({@code orderdesk.gateway.read-timeout}, 10 s unless set) — a simulated timeout answers just after it.
     */
    record Shop(String shopId, String secretKey, Duration readTimeout) {
    }

    @Bean
    Shop simulatorShop(Environment environment) {
        return new Shop(environment.getRequiredProperty("orderdesk.gateway.shop-id"),
                environment.getRequiredProperty("orderdesk.gateway.secret-key"),
                environment.getProperty("orderdesk.gateway.read-timeout", Duration.class, Duration.ofSeconds(10)));
    }

    @Bean
    GatewaySimulator gatewaySimulator(ObjectMapper json, Environment environment, java.time.Clock clock) {
        return new GatewaySimulator(json, environment, clock);
    }
}
