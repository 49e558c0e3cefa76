package com.orderdesk.query.audit;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The event store read exactly as it is stored: without the upcasters every other reader goes through. The seal
 * hashes the stored JSON; an upcaster that lifts an old event to today's shape (issue 14: {@code OrderPlaced} gains
 * the visitor's e-mail) must not make a genuine old event look tampered with, nor show the auditor JSON the store
 * does not hold. With the embedded store (JPA, H2 or PostgreSQL) this is a second storage engine over the same
 * tables with no upcasters; with Axon Server, whose client upcasts on reading, the event store itself (ADR 008 says
 * so).
 */
@Component
class EventsAsStored {
    private static final Logger log = LoggerFactory.getLogger(EventsAsStored.class);
    private final EventStore eventStore;
    private final EventStorageEngine raw;

    EventsAsStored(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
                   ObjectProvider<EntityManagerProvider> entityManagers, ObjectProvider<TransactionManager> transactions,
                   @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.eventStore = eventStore;
        EntityManagerProvider entityManagerProvider = entityManagers.getIfAvailable();
        TransactionManager transactionManager = transactions.getIfAvailable();
        if (axonServer || entityManagerProvider == null || transactionManager == null) {
            log.info("Audit reads events through the event store (upcast): no embedded store to read as stored");
            this.raw = null;
        } else {
            this.raw = JpaEventStorageEngine.builder().eventSerializer(eventSerializer).snapshotSerializer(serializer)
                    .upcasterChain(NoOpEventUpcaster.INSTANCE).entityManagerProvider(entityManagerProvider)
                    .transactionManager(transactionManager).build();
        }
    }

    /** The order's events as stored, in order. */
    List<DomainEventMessage<?>> of(String orderId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        (raw == null ? eventStore.readEvents(orderId) : raw.readEvents(orderId)).forEachRemaining(messages::add);
        return messages;
    }

    /** Every event of the store up to now, as stored, in order (close it); null when reading as stored is not possible here. */
    java.util.stream.Stream<? extends TrackedEventMessage<?>> all() {
        return raw == null ? null : raw.readEvents(null, false);
    }
}
