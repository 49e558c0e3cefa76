package com.orderdesk.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.shared.audit.EventSeal;

/**
 * Walks one order's chain event by event: the sequence must go on without gaps, each stored hash must equal the
 * hash recomputed from the stored event and the previous stored hash. The first event that fails is named.
 */
final class ChainCheck {
    enum Problem {
        /** stored before events were sealed (not evidence of tampering, but not protected either) */
        NOT_SEALED,
        /** the event differs from what was sealed: payload, metadata, type, time, order or sequence changed */
        HASH_MISMATCH,
        /** the stored JSON no longer parses */
        UNREADABLE,
        /** an event is missing or out of place */
        SEQUENCE_GAP
    }

    record Failure(long sequence, String eventId, String type, Problem problem, String detail) {
    }

    private final ObjectMapper json;
    private String previousHash = EventSeal.GENESIS;
    private long expected;
    private Failure failure;
    private long checked;

    ChainCheck(ObjectMapper json) {
        this.json = json;
    }

    /** Checks the next event; false once the chain is broken (later events are not checked: the chain is gone). */
    boolean accept(StoredEvent event) {
        if (failure != null) {
            return false;
        }
        if (event.sequence() != expected) {
            return fail(event, Problem.SEQUENCE_GAP, "ожидалось событие " + expected + ", в хранилище " + event.sequence());
        }
        JsonNode metadata;
        try {
            metadata = json.readTree(event.metadataJson());
        } catch (Exception e) {
            return fail(event, Problem.UNREADABLE, "метаданные не читаются как JSON");
        }
        JsonNode stored = metadata == null ? null : metadata.get(EventSeal.HASH);
        if (stored == null || !stored.isTextual()) {
            return fail(event, Problem.NOT_SEALED, "у события нет хеша");
        }
        String recomputed;
        try {
            recomputed = EventSeal.hash(previousHash, event.sealed());
        } catch (EventSeal.UnreadableEventException e) {
            return fail(event, Problem.UNREADABLE, e.getMessage());
        }
        if (!recomputed.equals(stored.asText())) {
            return fail(event, Problem.HASH_MISMATCH, "хранится " + stored.asText() + ", по содержимому " + recomputed);
        }
        previousHash = recomputed;
        expected++;
        checked++;
        return true;
    }

    private boolean fail(StoredEvent event, Problem problem, String detail) {
        failure = new Failure(event.sequence(), event.eventId(), event.type(), problem, detail);
        return false;
    }

    Failure failure() {
        return failure;
    }

    long checked() {
        return checked;
    }

    String lastHash() {
        return previousHash;
    }
}
