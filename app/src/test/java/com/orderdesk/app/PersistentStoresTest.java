package com.orderdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.payment.saga.PaymentSaga;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is kept is kept in the database (issue 28): after the move to Spring Boot 4 nothing may fall back, silently, to
 * one of Axon's in-memory stand-ins — the known edges are auto-configuration ordered after Boot 3 class names (Axon's
 * Jackson mapper, db-scheduler's starter) and the JPA token store. Each store the service relies on is checked by
 * its type: the event store, every processor's token store, the payment saga's store, the projections' dead letters,
 * the deadlines; and the serializer is Jackson on the application's one mapper ({@code StoredJson}).
 */
class PersistentStoresTest extends HttpTestBase {
    private static final List<String> PROCESSORS = List.of("order-list", "order-detail", "order-timeline", "cash-book",
            "notifications", "PaymentSagaProcessor");

    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    ObjectMapper json;

    @Test
    void everyStoreIsTheDatabaseNeverMemory() {
        assertThat(axon.eventStore()).isInstanceOf(EmbeddedEventStore.class);
        assertThat(axon.getComponent(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class))
                .isInstanceOf(JpaEventStorageEngine.class);

        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        for (String processor : PROCESSORS) {
            assertThat(processing.tokenStore(processor)).as(processor + "'s tokens").isInstanceOf(JpaTokenStore.class);
        }
        assertThat(processing.sagaConfiguration(PaymentSaga.class)).as("the payment saga").isNotNull();
        assertThat(processing.sagaConfiguration(PaymentSaga.class).store()).as("the payment saga's store")
                .isInstanceOf(JpaSagaStore.class);
        for (String projection : List.of("order-list", "order-detail", "order-timeline", "cash-book")) {
            assertThat(processing.deadLetterQueue(projection)).as(projection + "'s dead letters")
                    .hasValueSatisfying(queue -> assertThat(queue).isInstanceOf(JpaSequencedDeadLetterQueue.class));
        }
        // (Axon's own: without a deadline manager bean it configures its in-memory one, SimpleDeadlineManager)
        assertThat(axon.deadlineManager()).as("the deadlines").isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void whatIsStoredIsWrittenByTheApplicationsJacksonMapper() {
        for (org.axonframework.serialization.Serializer serializer : List.of(axon.eventSerializer(), axon.messageSerializer(), axon.serializer())) {
            assertThat(serializer).isInstanceOf(JacksonSerializer.class);
            assertThat(((JacksonSerializer) serializer).getObjectMapper()).as("the application's mapper").isSameAs(json);
        }
    }
}
