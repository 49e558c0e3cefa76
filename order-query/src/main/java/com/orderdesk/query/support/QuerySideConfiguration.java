package com.orderdesk.query.support;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class QuerySideConfiguration {
    /** The projections' message source ({@code axon.eventhandling.processors.*.source}). */
    @Bean(destroyMethod = "close")
    public LocallyNotifiedEventSource projectionEventSource(EventStore eventStore) {
        return new LocallyNotifiedEventSource(eventStore);
    }
}
