package com.orderdesk.shared.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The tamper-evidence seal of an order's events (issue 6, docs/adr/008): each event's metadata carries
 * {@code hash} = SHA-256 over the previous event's hash and a canonical form of the event — order id, sequence,
 * type, time (milliseconds, UTC), payload and metadata (without the seal itself) as JSON with sorted keys and no
 * whitespace. The first event of an order chains to {@link #GENESIS}. Changing, removing or reordering any stored
 * event breaks its hash and every later link.
 */
public final class EventSeal {
    public static final String HASH = "hash";
    public static final String GENESIS = "0".repeat(64);
    /** The aggregate whose events are sealed. */
    public static final String AGGREGATE_TYPE = "Order";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
            .build();

    private EventSeal() {
    }

    /** The event as it is sealed; {@code payloadJson} and {@code metadataJson} are the stored JSON documents. */
    public record Sealed(String orderId, long sequence, String type, Instant at, byte[] payloadJson, byte[] metadataJson) {
    }

    /** The hash of {@code event} chained to {@code previousHash}. */
    public static String hash(String previousHash, Sealed event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(canonical(previousHash, event).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The exact text that is hashed (shown to auditors who recompute a hash by hand). */
    public static String canonical(String previousHash, Sealed event) {
        ObjectNode node = CANONICAL.createObjectNode();
        node.put("previousHash", previousHash);
        node.put("orderId", event.orderId());
        node.put("sequence", event.sequence());
        node.put("type", event.type());
        node.put("at", event.at().truncatedTo(ChronoUnit.MILLIS).toString());
        node.set("payload", parse(event.payloadJson()));
        JsonNode metadata = parse(event.metadataJson());
        if (metadata instanceof ObjectNode object) {
            object.remove(HASH);
        }
        node.set("metadata", metadata);
        try {
            return CANONICAL.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always writes", e);
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            return CANONICAL.readTree(json);
        } catch (IOException e) {
            throw new UnreadableEventException("stored JSON does not parse: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A stored event whose JSON is no longer JSON: tampered with or damaged. */
    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}
