package com.orderdesk.app.ops;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.File;

/**
 * {@code orderdesk.port-file=PATH}: once the server listens, its port is written to PATH (and the operations port to
 * PATH's name with {@code -management}), so a process started with {@code server.port=0} — a supervisor's, a test's
 * ({@code JarNode}) — learns where it listens without picking a port beforehand that another process could take. Spring
 * Boot's own writer; off unless set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("orderdesk.port-file")
class PortFileConfiguration {
    @Bean
    WebServerPortFileWriter portFileWriter(org.springframework.core.env.Environment environment) {
        return new WebServerPortFileWriter(new File(environment.getRequiredProperty("orderdesk.port-file")));
    }
}
