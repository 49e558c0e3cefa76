package com.orderdesk.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.orderdesk.shared.error.InvalidValueException;
import org.springframework.boot.jackson2.autoconfigure.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Configuration
public class JsonConfiguration {

    /**
     * A key twice in one object ({@code {"value":"100.00","value":"1.00"}}) is refused, not read as its last value: what a
     * client meant is not guessed.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer duplicateKeysRefused() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Instants are ISO-8601 with an offset ({@code 2023-08-11T16:00+05:00}, {@code 2023-08-11T11:00:00Z});
     * seconds are optional, a time without offset is refused because it names no instant.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer instantsWithOffset() {
        return builder -> builder.deserializerByType(Instant.class, new JsonDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String field = p.currentName() == null ? "time" : p.currentName();
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw new InvalidValueException(field, "Время передаётся строкой ISO-8601 со смещением, например 2023-08-11T16:00+05:00.");
                }
                try {
                    return OffsetDateTime.parse(p.getText()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidValueException(field,
                            "Некорректное время «" + p.getText() + "»: нужен формат ISO-8601 со смещением, например 2023-08-11T16:00+05:00.");
                }
            }
        });
    }
}
