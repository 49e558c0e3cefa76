package com.orderdesk.query.timeline;

import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.readmodel.OrderReadModel;
import com.orderdesk.query.readmodel.ProjectionNames;
import com.orderdesk.query.readmodel.ReadModelPath;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OrderEvent;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The timeline read model: system lines written from events, public and internal messages with their authors.
 * Entries are independent rows ({@code orderId:sequence}); each needs only the order's zone, from its first entry.
 * The inline path writes an entry when the order's first entry is there (else a replay has not reached the order
 * yet and leaves it to the catch-up processor); the catch-up processor writes the entries that are missing.
 */
@ProcessingGroup(ProjectionNames.ORDER_TIMELINE)
class TimelineProjection extends OrderReadModel {
    private final TimelineRepository entries;

    TimelineProjection(TimelineRepository entries, ReadModelPath path, AppliedInline appliedInline) {
        super(path, appliedInline);
        this.entries = entries;
    }

    @EventHandler
    void on(MessagePosted e, @SequenceNumber long sequence) {
        entry(e, sequence).ifPresent(row -> write(row, e.at(), e.visibility().name(), e.author(), e.text()));
    }

    @EventHandler
    void on(GatewayPaymentRecorded e, @SequenceNumber long sequence) {
        line(e, sequence, e.at());
    }

    /** {@code at}: the event's time as the store keeps it (to the millisecond), so a replay writes the same line. */
    @EventHandler
    void on(OrderEvent e, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        line(e, sequence, timestamp.truncatedTo(ChronoUnit.MILLIS));
    }

    private void line(OrderEvent e, long sequence, Instant at) {
        TimelineTexts.of(e).ifPresent(line -> entry(e, sequence).ifPresent(row -> write(row, at, line.kind(), line.author(), line.text())));
    }

    /** The new entry for this event, or nothing when it is there already or (inline) the order's first entry is not. */
    private Optional<TimelineEntryRow> entry(OrderEvent e, long sequence) {
        String orderId = e.orderId();
        String zone;
        if (e instanceof OrderPlaced placed) {
            if (!firstRowToWrite(orderId, sequence, entries::existsById)) {
                return Optional.empty();
            }
            zone = placed.service().timeZone();
        } else {
            Optional<TimelineEntryRow> first = firstRowToWriteAfter(orderId, sequence, entries::existsById, entries::findById);
            if (first.isEmpty()) {
                return Optional.empty();
            }
            zone = first.get().timeZone;
        }
        TimelineEntryRow row = new TimelineEntryRow();
        row.entryId = orderId + ":" + sequence;
        row.orderId = orderId;
        row.sequence = sequence;
        row.timeZone = zone;
        return Optional.of(row);
    }

    private void write(TimelineEntryRow row, Instant at, String kind, Actor author, String text) {
        row.at = at;
        row.kind = kind;
        row.text = text;
        if (author != null) {
            row.authorId = author.id();
            row.authorName = author.name();
            row.authorRole = author.role().name();
        }
        entries.save(row);
    }

    @ResetHandler
    void reset() {
        if (path == ReadModelPath.CATCH_UP) {
            forgetAppliedInline();
            entries.truncate();
        }
    }
}
