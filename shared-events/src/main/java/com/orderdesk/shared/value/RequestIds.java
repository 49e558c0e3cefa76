package com.orderdesk.shared.value;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of what a state-changing request creates (order, payment, message, refund, payment request). With an
 * {@code Idempotency-Key} it is derived from the key and the caller, so a retried request names the same thing
 * even if its first answer was lost; without one it is fresh.
 */
public final class RequestIds {
    private RequestIds() {
    }

    public static String newId(Actor actor, String idempotencyKey, String purpose) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String seed = purpose + "|" + actor.id() + "|" + idempotencyKey;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
