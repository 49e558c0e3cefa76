package com.orderdesk.app.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The one Jackson 2 mapper: what Axon writes stored events, sagas, tokens and deadlines with, and what the web layer
 * reads and writes bodies with (ADR 020). It is Boot's {@link Jackson2ObjectMapperBuilder} with {@code spring.jackson2.*}
 * and the application's customizers — the mapper Axon took from the application on Spring Boot 3.5.
 * <p>
 * Declared here, not left to auto-configuration: on Spring Boot 4 Axon 4.13's {@code ObjectMapperAutoConfiguration}
 * is ordered after Boot 3's {@code JacksonAutoConfiguration}, a class Boot 4 no longer has, so it may run first and
 * create a bare mapper of its own ({@code new ObjectMapper().findAndRegisterModules()}) that Boot's then backs off
 * for. That mapper writes {@code Actor.isGuest()} as a field and refuses it on reading: the stored bytes change (the
 * audit seal hashes them) and the events no longer read back. {@code EventCorpusTest} and {@code StoredJsonTest}
 * keep it so. Named {@code defaultAxonObjectMapper} so that Axon picks this one by name, whatever else appears.
 */
@Configuration(proxyBeanMethods = false)
class StoredJson {

    @Bean({"objectMapper", "defaultAxonObjectMapper"})
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }
}
