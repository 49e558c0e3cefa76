package com.orderdesk.payment.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

@Configuration
@Profile("demo")
public class SimulatorConfiguration {
    @Bean
    GatewaySimulator gatewaySimulator(ObjectMapper json, Environment environment, java.time.Clock clock) {
        return new GatewaySimulator(json, environment, clock);
    }
}
