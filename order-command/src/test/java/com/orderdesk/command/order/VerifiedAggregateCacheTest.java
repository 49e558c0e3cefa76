package com.orderdesk.command.order;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Two nodes, one store: each keeps aggregates in its own {@link VerifiedAggregateCache}. A node whose copy another
 * node has moved past must decide on the store's state, not on its copy.
 */
class VerifiedAggregateCacheTest {
    record Open(@TargetAggregateIdentifier String id) {
    }

    record Add(@TargetAggregateIdentifier String id, int expectedCount) {
    }

    record Opened(String id) {
    }

    record Added(String id, int count) {
    }

    /** Adds only when the caller saw the current count, as an order refuses a stale If-Match. */
    static class Tally {
        @AggregateIdentifier
        String id;
        int count;

        Tally() {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.ALWAYS)
        void handle(Open command) {
            apply(new Opened(command.id()));
        }

        @CommandHandler
        int handle(Add command) {
            if (command.expectedCount() != count) {
                throw new IllegalStateException("count is " + count + ", not " + command.expectedCount());
            }
            int seen = count;
            apply(new Added(id, count + 1));
            return seen;
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Added event) {
            count = event.count();
        }
    }

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final List<Configuration> nodes = new ArrayList<>();

    private CommandGateway node() {
        Configuration[] self = new Configuration[1];
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Tally.class)
                        .configureCache(c -> new VerifiedAggregateCache(() -> self[0].eventStore(), 100)))
                .buildConfiguration();
        self[0] = configuration;
        configuration.start();
        nodes.add(configuration);
        return configuration.commandGateway();
    }

    @AfterEach
    void stop() {
        nodes.forEach(Configuration::shutdown);
    }

    @Test
    void aNodeDecidesOnTheStoresStateWhenAnotherNodeMovedTheAggregate() {
        CommandGateway a = node();
        CommandGateway b = node();
        a.sendAndWait(new Open("t-1"));
        a.sendAndWait(new Add("t-1", 0));    // a now holds the tally at 1 in memory
        b.sendAndWait(new Add("t-1", 1));    // b moves it to 2

        Object seenByA = a.sendAndWait(new Add("t-1", 2));
        assertThat(seenByA).as("a decided on the stored count, not its cached 1").isEqualTo(2);
        assertThat(store.readEvents("t-1").asStream().count()).isEqualTo(4);
    }

    @Test
    void aCurrentCopyIsUsedAsItIs() {
        CommandGateway a = node();
        a.sendAndWait(new Open("t-2"));
        for (int i = 0; i < 5; i++) {
            assertThat((Object) a.sendAndWait(new Add("t-2", i))).isEqualTo(i);
        }
    }
}
