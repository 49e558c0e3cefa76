package com.orderdesk.query.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** An operator's action on the system itself (a projection replay, a store-wide check): who, when, what. */
@Entity
@Table(name = "operator_action", indexes = @Index(name = "ix_operator_action_at", columnList = "at DESC"))
class OperatorAction {
    @Id
    @Column(name = "id", length = 36)
    String id;
    @Column(name = "at", nullable = false)
    Instant at;
    @Column(name = "actor_id", length = 200, nullable = false)
    String actorId;
    @Column(name = "actor_name", length = 200, nullable = false)
    String actorName;
    @Column(name = "actor_role", length = 32, nullable = false)
    String actorRole;
    @Column(name = "channel", length = 32, nullable = false)
    String channel;
    @Column(name = "action", length = 64, nullable = false)
    String action;
    @Column(name = "subject", length = 200)
    String subject;
    @Column(name = "trace_id", length = 64)
    String traceId;

    protected OperatorAction() {
    }

    public record View(String id, Instant at, String actorId, String actorName, String actorRole, String channel,
                       String action, String subject, String traceId) {
    }

    View view() {
        return new View(id, at, actorId, actorName, actorRole, channel, action, subject, traceId);
    }
}
