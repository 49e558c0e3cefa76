package com.orderdesk.query.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetailFold;
import com.orderdesk.query.export.CellText;
import com.orderdesk.query.export.Csv;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.event.OrderEvent;
import com.orderdesk.shared.audit.EventSeal;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.value.Actor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The auditor's view (issue 6), read straight from the event store: an order's every event with who did it and
 * why, exportable as JSON or CSV; the order as it stood at any instant, built by the same {@link OrderDetailFold}
 * that builds the live detail; the check of the order's seal; the store-wide check; operators' recorded actions.
 * An order is named by its id or by its seven-digit number.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {
    private static final java.time.format.DateTimeFormatter CSV_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final AuditTrail trail;
    private final StoreCheck storeCheck;
    private final OperatorActions actions;
    private final ObjectMapper json;
    private final ZoneId zone;

    AuditController(AuditTrail trail, StoreCheck storeCheck, OperatorActions actions, ObjectMapper json,
                    @Value("${orderdesk.time-zone:Europe/Moscow}") String zone) {
        this.trail = trail;
        this.storeCheck = storeCheck;
        this.actions = actions;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    /** API.md's shape; {@code actor} is who acted (from the metadata), {@code metadata} all of the attribution and the seal. */
    public record AuditedEvent(String orderId, long sequence, String eventId, String type, Instant at, JsonNode actor,
                               JsonNode payload, JsonNode metadata) {
    }

    @JsonPropertyOrder({"orderId", "sequence", "eventId", "type", "at", "actorId", "actorName", "actorRole", "channel", "cause",
            "correlationId", "causationId", "idempotencyKey", "traceId", "hash", "payload"})
    record CsvRow(String orderId, long sequence, String eventId, String type, String at, String actorId, String actorName,
                  String actorRole, String channel, String cause, String correlationId, String causationId,
                  String idempotencyKey, String traceId, String hash, String payload) {
    }

    @GetMapping(path = "/orders/{order}/events", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    public ResponseEntity<?> events(@PathVariable String order, @RequestParam(required = false) String format) {
        String orderId = trail.orderId(order);
        List<AuditedEvent> events = new ArrayList<>();
        for (StoredEvent stored : trail.stored(orderId)) {
            JsonNode payload = stored.payload(json);
            JsonNode metadata = stored.metadata(json);
            events.add(new AuditedEvent(orderId, stored.sequence(), stored.eventId(), stored.type(), stored.at(),
                    actor(metadata, payload), payload, metadata));
        }
        if (format == null) {
            return ResponseEntity.ok(events);
        }
        String filename = "order-" + order + "-events." + format;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return switch (format) {
            case "json" -> ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(events);
            case "csv" -> ResponseEntity.ok().headers(headers).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(csv(events));
            default -> throw new InvalidValueException("format", "Формат выгрузки — json или csv.");
        };
    }

    private static String cell(String text) {
        return CellText.csv(text);
    }

    private byte[] csv(List<AuditedEvent> events) {
        // every text cell made safe (broken characters replaced, formulas neutralised): a guest's name never breaks the file
        // nor runs in a spreadsheet; the hash and the raw payload stay verifiable in the JSON format
        List<CsvRow> rows = events.stream().map(e -> new CsvRow(e.orderId(), e.sequence(), e.eventId(), e.type(),
                csvTime(e.at(), zone), cell(text(e.actor(), "id")), cell(text(e.actor(), "name")),
                text(e.actor(), "role"), text(e.actor(), "channel"), cell(text(e.metadata(), Attribution.CAUSE)),
                text(e.metadata(), Attribution.CORRELATION_ID), text(e.metadata(), Attribution.CAUSATION_ID),
                cell(text(e.metadata(), Attribution.IDEMPOTENCY_KEY)), text(e.metadata(), Attribution.TRACE_ID),
                text(e.metadata(), EventSeal.HASH), cell(e.payload().toString()))).toList();
        return Csv.bytes(CsvRow.class, rows);
    }

    /**
     * Every time in the CSV in one fixed shape, microseconds and offset always written (ISO's shortest form drops a
     * zero fraction, and spreadsheets then read two formats in one column).
     */
    static String csvTime(java.time.Instant at, java.time.ZoneId zone) {
        return CSV_TIME.format(at.atZone(zone));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** Who acted: the attribution in the metadata; for events stored before attribution, the actor in the payload. */
    private JsonNode actor(JsonNode metadata, JsonNode payload) {
        if (metadata != null && metadata.hasNonNull(Attribution.ACTOR_ID)) {
            ObjectNode actor = json.createObjectNode();
            actor.put("id", metadata.get(Attribution.ACTOR_ID).asText());
            actor.put("name", text(metadata, Attribution.ACTOR_NAME));
            actor.put("role", text(metadata, Attribution.ACTOR_ROLE));
            actor.put("channel", text(metadata, Attribution.CHANNEL));
            return actor;
        }
        for (String field : List.of("by", "author", "placedBy")) {
            if (payload != null && payload.has(field)) {
                return payload.get(field);
            }
        }
        return null;
    }

    @GetMapping("/orders/{order}/state")
    public OrderDetail state(@PathVariable String order, @RequestParam String at) {
        Instant moment;
        try {
            moment = OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("at", "Момент — ISO-8601 со смещением, например 2023-08-11T13:32:00+05:00.");
        }
        OrderDetailFold fold = new OrderDetailFold();
        for (DomainEventMessage<?> message : trail.messages(trail.orderId(order))) {
            if (message.getTimestamp().isAfter(moment)) {
                break;
            }
            OrderEvent payload;
            try {
                payload = (OrderEvent) message.getPayload();
            } catch (RuntimeException unreadable) {
                throw new RejectedException(ErrorCode.EVENT_UNREADABLE, "Событие № " + message.getSequenceNumber()
                        + " не читается: данные в хранилище повреждены или изменены. Проверьте цепочку хешей заказа.");
            }
            fold.apply(payload, message.getSequenceNumber());
        }
        if (fold.isEmpty()) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "В этот момент заказа ещё не было.");
        }
        return fold.toDetail();
    }

    /** Recomputes the order's chain of hashes; names the first event that does not match. */
    @GetMapping("/orders/{order}/verify")
    public AuditTrail.Verdict verify(@PathVariable String order) {
        return trail.verify(trail.orderId(order));
    }

    /** Starts the store-wide check (or shows the running one); follow it at the Location. */
    @PostMapping("/verification")
    public ResponseEntity<StoreCheck.Status> startStoreCheck(Actor actor) {
        StoreCheck.Status status = storeCheck.start(actor.name() + " (" + actor.id() + ")");
        actions.record(actor, actor.channel(), "store-check-started", "event store");
        return ResponseEntity.accepted().location(URI.create("/api/audit/verification")).body(status);
    }

    @GetMapping("/verification")
    public StoreCheck.Status storeCheck() {
        return storeCheck.status();
    }

    /** Operators' recorded actions, newest first: replays, store checks. */
    @GetMapping("/actions")
    public List<OperatorAction.View> actions(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidValueException("limit", "limit — от 1 до 1000.");
        }
        return actions.latest(limit);
    }
}
