package com.orderdesk.query.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import com.orderdesk.query.readmodel.ReadModelRow;

import java.time.Instant;

/** One entry of an order's timeline: a system line written from an event, or a message. */
@Entity
@Table(name = "timeline_entry", indexes = @Index(name = "ix_timeline_order", columnList = "order_id, sequence_number"))
class TimelineEntryRow extends ReadModelRow {
    /** orderId:sequence — an event writes its entry once, however often it is delivered. */
    @Id
    @Column(name = "entry_id", length = 100)
    String entryId;
    @Column(name = "order_id", length = 64, nullable = false)
    String orderId;
    @Column(name = "sequence_number", nullable = false)
    long sequence;
    @Column(name = "at", nullable = false)
    Instant at;
    @Column(name = "time_zone", length = 64, nullable = false)
    String timeZone;
    @Column(name = "kind", length = 16, nullable = false)
    String kind;
    @Column(name = "author_id", length = 1000)
    String authorId;
    @Column(name = "author_name", length = 1000)
    String authorName;
    @Column(name = "author_role", length = 32)
    String authorRole;
    @Column(name = "text", length = 20000, nullable = false)
    String text;

    protected TimelineEntryRow() {
    }

    @Override
    public String getId() {
        return entryId;
    }
}
