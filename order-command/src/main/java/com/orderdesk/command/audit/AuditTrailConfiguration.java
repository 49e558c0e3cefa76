package com.orderdesk.command.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Attribution passed from message to message, and the seal on every order event (issue 6). */
@Configuration
class AuditTrailConfiguration {

    /** Static: Axon asks for it while it builds the buses this configuration registers with. */
    @Bean
    public static CorrelationDataProvider attributionCorrelation() {
        return new AttributionCorrelation();
    }

    @Autowired
    public void sealEvents(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        eventStore.registerDispatchInterceptor(new EventSealer(eventStore, eventSerializer));
    }
}
