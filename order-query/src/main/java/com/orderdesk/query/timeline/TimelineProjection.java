package com.orderdesk.query.timeline;

import com.orderdesk.query.support.ProjectionNames;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.query.FindProjectedVersions;
import com.orderdesk.shared.order.query.ProjectionProgress;
import com.orderdesk.shared.value.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The timeline read model: system lines written from events, public and internal messages with their authors. */
@Component
@ProcessingGroup(ProjectionNames.ORDER_TIMELINE)
class TimelineProjection {
    private final TimelineRepository entries;
    private final QueryUpdateEmitter emitter;

    TimelineProjection(TimelineRepository entries, QueryUpdateEmitter emitter) {
        this.entries = entries;
        this.emitter = emitter;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!ProjectionNames.isOrderEvent(message)) {
            return;
        }
        String orderId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        String entryId = orderId + ":" + sequence;
        if (!entries.existsById(entryId)) {
            TimelineEntryRow row = new TimelineEntryRow();
            row.entryId = entryId;
            row.orderId = orderId;
            row.sequence = sequence;
            row.timeZone = event instanceof OrderPlaced placed ? placed.service().timeZone()
                    : entries.zoneOf(orderId).orElseThrow(() -> new IllegalStateException("Order " + orderId + " has no timeline yet"));
            if (event instanceof MessagePosted posted) {
                write(row, posted.at(), posted.visibility().name(), posted.author(), posted.text());
            } else if (TimelineTexts.internal(event).isPresent()) {
                write(row, message.getTimestamp(), "INTERNAL", null, TimelineTexts.internal(event).get());
            } else {
                String text = TimelineTexts.of(event).orElse(null);
                if (text != null) {
                    Instant at = event instanceof com.orderdesk.shared.order.event.GatewayPaymentRecorded paid ? paid.at()
                            : message.getTimestamp();
                    write(row, at, "SYSTEM", TimelineTexts.author(event), text);
                }
            }
        }
        emitter.emit(FindProjectedVersions.class, query -> query.orderId().equals(orderId),
                new ProjectionProgress(ProjectionNames.ORDER_TIMELINE, orderId, sequence));
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
        entries.deleteAllInBatch();
    }
}
