package com.orderdesk.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.app.HttpTestBase;
import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.order.Order;
import com.orderdesk.command.order.OrderNumbers;
import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetailFold;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.order.event.OrderEvent;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Role;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event corpus (issue 14): every event type as some version of this code stored it, under
 * {@code src/test/resources/event-corpus/<version>/}, read back on every build through today's serializer and
 * upcasters, folded into the order form (and what it shows compared with what it showed when written) and into the
 * aggregate. A change that can no longer read an event some store holds fails here, not in production.
 *
 * <p>When events change: leave the old versions alone, add the upcaster, and write the new shapes as a new version
 * with {@code mvn -pl app verify -Dtest=EventCorpusTest -Dcorpus.write=v<N>} (README, "Changing an event").
 */
class EventCorpusTest extends HttpTestBase {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    Catalog catalog;
    @Autowired
    OrderNumbers numbers;

    @Test
    void everyStoredVersionOfEveryEventIsReadFoldedAndReplayedIntoTheAggregate() throws Exception {
        String writing = System.getProperty("corpus.write");
        if (writing != null && !writing.isBlank()) {
            write(writing.strip());
        }
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:event-corpus/*/*.json");
        assertThat(files).as("the event corpus").isNotEmpty();
        // versions in their numeric order (v10 after v9), whatever their names sort as
        Map<String, Set<String>> typesByVersion = new java.util.TreeMap<>(java.util.Comparator.comparingInt(EventCorpusTest::versionNumber));
        for (Resource file : files) {
            JsonNode history = JSON.readTree(file.getInputStream());
            String version = history.path("version").asText();
            List<DomainEventMessage<?>> events = read(history);
            assertThat(events).as(file.getFilename()).hasSizeGreaterThanOrEqualTo(history.path("events").size());
            events.forEach(event -> typesByVersion.computeIfAbsent(version, v -> new TreeSet<>()).add(event.getPayloadType().getName()));

            // the order form folded from them shows what it showed when they were written
            OrderDetailFold fold = new OrderDetailFold();
            for (DomainEventMessage<?> event : events) {
                fold.apply((com.orderdesk.shared.order.event.OrderEvent) event.getPayload(), event.getSequenceNumber());
            }
            assertThat(shown(fold.toDetail()).toString()).as(version + "/" + file.getFilename()).isEqualTo(history.path("shows").toString());

            // and the aggregate takes them as its history and goes on from there (an Axon of its own in memory, this
            // application's catalog, numbers and clock: nothing static is touched)
            org.axonframework.config.Configuration world = org.axonframework.config.DefaultConfigurer.defaultConfiguration(false)
                    .configureEmbeddedEventStore(c -> new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine())
                    .configureAggregate(Order.class)
                    .registerComponent(Catalog.class, c -> catalog)
                    .registerComponent(OrderNumbers.class, c -> numbers)
                    .registerComponent(com.orderdesk.command.order.RentalDeadlines.class, c -> (orderId, deadline, period, at) -> { })
                    .registerComponent(java.time.Clock.class, c -> clock)
                    .buildConfiguration();
            world.start();
            try {
                world.eventStore().publish(events);
                Object answer = world.commandGateway().sendAndWait(Attribution.sentBy(MANAGER, new PostMessage(events.get(0).getAggregateIdentifier(),
                        "corpus-" + UUID.randomUUID(), Visibility.INTERNAL, "Прочитано из корпуса событий", null)));
                assertThat(answer).as(version + "/" + file.getFilename() + ": the order's version after the new message")
                        .isEqualTo((long) events.size());
            } finally {
                world.shutdown();
            }
        }
        // the newest version holds every event type there is, so each is guarded from its first release on
        Set<String> newest = typesByVersion.values().stream().reduce((first, second) -> second).orElseThrow();
        assertThat(newest).containsAll(eventTypes());
    }

    /** {@code v12} → 12. */
    private static int versionNumber(String version) {
        assertThat(version).as("a corpus version").matches("v[0-9]+");
        return Integer.parseInt(version.substring(1));
    }

    /** Every event of an order: {@link OrderEvent} is sealed, so this is all of them. */
    private static Set<String> eventTypes() {
        return java.util.Arrays.stream(OrderEvent.class.getPermittedSubclasses()).map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What an order form shows that a change to events could get wrong. */
    private static JsonNode shown(OrderDetail detail) {
        ObjectNode shows = JSON.createObjectNode();
        shows.put("number", detail.number());
        shows.put("status", detail.status().name());
        shows.put("paymentStatus", detail.paymentStatus().name());
        shows.put("total", detail.total().value());
        shows.put("paid", detail.paid().value());
        shows.put("remainder", detail.remainder().value());
        shows.put("refundDue", detail.refundDue().value());
        shows.put("visitor", detail.visitor().name());
        if (detail.visitor().email() != null) {
            shows.put("visitorEmail", detail.visitor().email()); // since v2
        }
        shows.put("payments", detail.payments().size());
        shows.put("refunds", detail.refunds().size());
        shows.put("executor", detail.executor() == null ? null : detail.executor().name());
        shows.put("cancelled", detail.cancellation() != null);
        shows.put("version", detail.version());
        if (!detail.receipts().isEmpty()) {
            // since v4: the order's fiscal receipts and where each stands
            shows.put("receipts", detail.receipts().stream().map(r -> r.kind() + " " + r.status() + " " + r.amount().value()
                    + (r.paymentMode() == null ? "" : " " + r.paymentMode())).collect(Collectors.joining(", ")));
        }
        if (detail.ticket() != null && (detail.ticket().checkedInAt() != null || detail.ticket().noShowAt() != null)) {
            // since v7 (issue 30): the guest at the reception
            shows.put("checkedIn", String.valueOf(detail.ticket().checkedInAt()));
            shows.put("checkedOut", String.valueOf(detail.ticket().checkedOutAt()));
            shows.put("noShow", String.valueOf(detail.ticket().noShowAt()));
        }
        return shows;
    }

    private List<DomainEventMessage<?>> read(JsonNode history) throws IOException {
        List<DomainEventData<?>> entries = new ArrayList<>();
        for (JsonNode stored : history.path("events")) {
            entries.add(new GenericDomainEventEntry<>("Order", stored.path("aggregateId").asText(), stored.path("sequence").asLong(),
                    stored.path("eventId").asText(), stored.path("timestamp").asText(), stored.path("payloadType").asText(),
                    stored.path("revision").isNull() ? null : stored.path("revision").asText(),
                    JSON.writeValueAsBytes(stored.path("payload")), JSON.writeValueAsBytes(stored.path("metaData"))));
        }
        EventUpcaster upcasters = axon.upcasterChain();
        // every event comes out of the upcasters at the revision today's class carries
        upcasters.upcast(entries.stream().map(entry -> (org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation)
                        new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(entry, eventSerializer)))
                .forEach(upcast -> assertThat(upcast.getType().getRevision()).as(upcast.getType().getName())
                        .isEqualTo(new org.axonframework.serialization.AnnotationRevisionResolver()
                                .revisionOf(eventSerializer.classForType(upcast.getType()))));
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), eventSerializer, upcasters);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return events;
    }

    /** Writes today's shapes as corpus version {@code version}; refuses to overwrite one. */
    private void write(String version) throws IOException {
        Path dir = Path.of("src", "test", "resources", "event-corpus", version);
        assertThat(dir).as("corpus versions are never rewritten").doesNotExist();
        Files.createDirectories(dir);
        for (Map.Entry<String, List<Object>> history : new java.util.TreeMap<>(EventCorpus.histories()).entrySet()) {
            ObjectNode file = JSON.createObjectNode();
            file.put("version", version);
            file.put("history", history.getKey());
            ArrayNode events = file.putArray("events");
            OrderDetailFold fold = new OrderDetailFold();
            long sequence = 0;
            for (Object event : history.getValue()) {
                SerializedObject<byte[]> payload = eventSerializer.serialize(event, byte[].class);
                MetaData metaData = Attribution.sentBy(MANAGER, event).getMetaData();
                SerializedObject<byte[]> meta = eventSerializer.serialize(metaData, byte[].class);
                ObjectNode stored = events.addObject();
                stored.put("aggregateId", ((OrderEvent) event).orderId());
                stored.put("sequence", sequence);
                stored.put("eventId", UUID.nameUUIDFromBytes((history.getKey() + sequence).getBytes(StandardCharsets.UTF_8)).toString());
                stored.put("timestamp", Instant.parse("2026-11-30T08:00:00Z").plusSeconds(sequence).toString());
                stored.put("payloadType", payload.getType().getName());
                stored.put("revision", payload.getType().getRevision());
                stored.set("payload", JSON.readTree(payload.getData()));
                stored.set("metaData", JSON.readTree(meta.getData()));
                fold.apply((OrderEvent) event, sequence++);
            }
            file.set("shows", shown(fold.toDetail()));
            Files.writeString(dir.resolve(history.getKey() + ".json"), JSON.writeValueAsString(file) + "\n");
        }
    }
}
