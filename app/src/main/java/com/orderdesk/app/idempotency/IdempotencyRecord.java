package com.orderdesk.app.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The first answer to a state-changing request with an {@code Idempotency-Key}, per caller and key. */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecord {
    @Id
    @Column(name = "scope_hash", length = 64)
    String scopeHash;
    @Column(name = "principal", nullable = false, length = 200)
    String principal;
    @Column(name = "fingerprint", nullable = false, length = 64)
    String fingerprint;
    @Column(name = "completed", nullable = false)
    boolean completed;
    @Column(name = "http_status")
    Integer httpStatus;
    @Column(name = "content_type", length = 200)
    String contentType;
    @Column(name = "location", length = 500)
    String location;
    @Column(name = "etag", length = 100)
    String etag;
    @Column(name = "body", length = 1_048_576)
    byte[] body;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String scopeHash, String principal, String fingerprint, Instant now) {
        this.scopeHash = scopeHash;
        this.principal = principal;
        this.fingerprint = fingerprint;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
