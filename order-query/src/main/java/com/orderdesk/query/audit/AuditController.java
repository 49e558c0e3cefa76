package com.orderdesk.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetailFold;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.value.Check;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The auditor's view of one order, read straight from the event store: every event in order, and the order as it
 * stood at any instant — built by the same {@link OrderDetailFold} that builds the live detail.
 */
@RestController
@RequestMapping(path = "/api/audit/orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {
    private final EventStore eventStore;
    private final ObjectMapper json;

    AuditController(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    public record AuditedEvent(long sequence, String type, Instant at, JsonNode actor, JsonNode payload, Map<String, Object> metadata) {
    }

    @GetMapping("/{orderId}/events")
    public List<AuditedEvent> events(@PathVariable String orderId) {
        List<AuditedEvent> events = new ArrayList<>();
        for (DomainEventMessage<?> message : stream(orderId)) {
            JsonNode payload = json.valueToTree(message.getPayload());
            JsonNode actor = payload.has("by") ? payload.get("by") : payload.has("author") ? payload.get("author")
                    : payload.has("placedBy") ? payload.get("placedBy") : null;
            events.add(new AuditedEvent(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                    message.getTimestamp(), actor, payload, Map.copyOf(message.getMetaData())));
        }
        return events;
    }

    @GetMapping("/{orderId}/state")
    public OrderDetail state(@PathVariable String orderId, @RequestParam String at) {
        Instant moment;
        try {
            moment = OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("at", "Момент — ISO-8601 со смещением, например 2023-08-11T13:32:00+05:00.");
        }
        OrderDetailFold fold = new OrderDetailFold();
        for (DomainEventMessage<?> message : stream(orderId)) {
            if (message.getTimestamp().isAfter(moment)) {
                break;
            }
            fold.apply(message.getPayload(), message.getSequenceNumber());
        }
        if (fold.isEmpty()) {
            throw new RejectedException(com.orderdesk.shared.error.ErrorCode.NOT_FOUND, "В этот момент заказа ещё не было.");
        }
        return fold.toDetail();
    }

    private List<DomainEventMessage<?>> stream(String orderId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        eventStore.readEvents(Check.orderId(orderId)).forEachRemaining(messages::add);
        if (messages.isEmpty()) {
            throw RejectedException.notFound();
        }
        return messages;
    }
}
