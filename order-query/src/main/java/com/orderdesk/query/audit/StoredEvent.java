package com.orderdesk.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.orderdesk.shared.audit.EventSeal;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One event exactly as stored: its payload and metadata as the stored JSON documents (not re-serialized from
 * objects, so what the auditor sees and what the seal is checked over is what the database holds).
 */
record StoredEvent(String orderId, long sequence, String eventId, String payloadType, Instant at, byte[] payloadJson,
                   byte[] metadataJson) {

    static StoredEvent of(DomainEventMessage<?> message, Serializer serializer) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = message.serializeMetaData(serializer, byte[].class);
        return new StoredEvent(message.getAggregateIdentifier(), message.getSequenceNumber(), message.getIdentifier(),
                payload.getType().getName(), message.getTimestamp(), payload.getData(), metadata.getData());
    }

    String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    EventSeal.Sealed sealed() {
        return new EventSeal.Sealed(orderId, sequence, payloadType, at, payloadJson, metadataJson);
    }

    /** The stored JSON, or the stored text itself when it no longer parses (damaged or tampered with). */
    JsonNode payload(ObjectMapper json) {
        return parse(json, payloadJson);
    }

    JsonNode metadata(ObjectMapper json) {
        return parse(json, metadataJson);
    }

    private static JsonNode parse(ObjectMapper json, byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
