package com.orderdesk.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.query.list.OrderList;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.OrderNumber;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** An order's events straight from the event store, by id or by number, and the check of their seal. */
@Component
class AuditTrail {
    private final EventStore eventStore;
    private final EventsAsStored asStored;
    private final Serializer serializer;
    private final ObjectMapper json;
    private final OrderList list;

    AuditTrail(EventStore eventStore, EventsAsStored asStored, @Qualifier("eventSerializer") Serializer serializer, ObjectMapper json,
               OrderList list) {
        this.eventStore = eventStore;
        this.asStored = asStored;
        this.serializer = serializer;
        this.json = json;
        this.list = list;
    }

    /** The order's id: {@code reference} is its id or its seven-digit number. */
    String orderId(String reference) {
        if (reference != null && reference.matches("\\d{7}")) {
            String number = new OrderNumber(reference).value();
            return list.idOfNumber(number).orElseThrow(RejectedException::notFound);
        }
        return Check.orderId(reference);
    }

    /** Every event of the order as stored, in order; 404 if there are none. */
    List<DomainEventMessage<?>> messages(String orderId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        eventStore.readEvents(orderId).forEachRemaining(messages::add);
        if (messages.isEmpty()) {
            throw RejectedException.notFound();
        }
        return messages;
    }

    /** Every event of the order exactly as the store holds it (not upcast): what the seal covers and the auditor reads. */
    List<StoredEvent> stored(String orderId) {
        List<DomainEventMessage<?>> messages = asStored.of(orderId);
        if (messages.isEmpty()) {
            throw RejectedException.notFound();
        }
        return messages.stream().map(m -> StoredEvent.of(m, serializer)).toList();
    }

    StoredEvent stored(DomainEventMessage<?> message) {
        return StoredEvent.of(message, serializer);
    }

    record Verdict(String orderId, boolean intact, long events, long verified, String lastHash, ChainCheck.Failure firstBadEvent) {
    }

    Verdict verify(String orderId) {
        List<StoredEvent> events = stored(orderId);
        ChainCheck chain = new ChainCheck(json);
        for (StoredEvent event : events) {
            if (!chain.accept(event)) {
                break;
            }
        }
        return new Verdict(orderId, chain.failure() == null, events.size(), chain.checked(),
                chain.failure() == null ? chain.lastHash() : null, chain.failure());
    }
}
