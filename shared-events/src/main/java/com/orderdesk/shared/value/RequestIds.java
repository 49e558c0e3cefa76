package com.orderdesk.shared.value;

import java.util.UUID;

/**
 * The id of what a state-changing request creates (order, payment, message, refund, payment request): always fresh.
 * A request retried with its {@code Idempotency-Key} gets the first answer — with the first ids — from the record
 * committed with its command (docs/adr/017); the same key used again after that record expired is a new request and
 * creates a new thing under a new id, never a clash with the old one.
 */
public final class RequestIds {
    private RequestIds() {
    }

    public static String newId(Actor actor, String idempotencyKey, String purpose) {
        return UUID.randomUUID().toString();
    }
}
