package com.orderdesk.payment.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A gateway notification, stored before the gateway hears 200, processed afterwards — once, whatever the number
 * of deliveries ({@code event:objectId} is the key).
 */
// only the columns a change touched are written: claiming a notification (claimDue) or recording its outcome never
// writes back a delivery count read before a delivery counted itself (PaymentFlowHttpTest saw 9 of 10 deliveries once)
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "payment_inbox", indexes = @Index(name = "ix_inbox_due", columnList = "processed_at, next_attempt_at"))
class InboxEntry {
    /** The outcome of a notification the gateway did not confirm; a new delivery opens it again. */
    static final String REJECTED = "rejected: ";
    @Id
    @Column(name = "notification_key", length = 250)
    String key;
    @Column(name = "event", length = 64, nullable = false)
    String event;
    @Column(name = "object_id", length = 100, nullable = false)
    String objectId;
    @Column(name = "body", length = 100_000, nullable = false)
    String body;
    @Column(name = "received_at", nullable = false)
    Instant receivedAt;
    @Column(name = "deliveries", nullable = false)
    int deliveries;
    @Column(name = "attempts", nullable = false)
    int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;
    @Column(name = "claimed_until")
    Instant claimedUntil;
    @Column(name = "processed_at")
    Instant processedAt;
    @Column(name = "outcome", length = 500)
    String outcome;
    /** 0 for notifications about payments this service created, 1 for anything else: lower goes first. */
    @Column(name = "priority", nullable = false)
    int priority;

    protected InboxEntry() {
    }

    InboxEntry(String event, String objectId, String body, Instant now, int priority) {
        this.priority = priority;
        this.key = event + ":" + objectId;
        this.event = event;
        this.objectId = objectId;
        this.body = body;
        this.receivedAt = now;
        this.deliveries = 1;
        this.nextAttemptAt = now;
    }
}
