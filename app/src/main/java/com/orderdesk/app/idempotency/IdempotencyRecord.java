package com.orderdesk.app.idempotency;

import java.time.Instant;

/**
 * A row of {@code idempotency_record}: the claim of a state-changing request with an {@code Idempotency-Key}, per
 * caller and key, and once {@code completed} its first answer.
 */
record IdempotencyRecord(String scopeHash, String fingerprint, boolean completed, Integer httpStatus, String contentType,
                         String location, String etag, byte[] body, Instant updatedAt) {
}
