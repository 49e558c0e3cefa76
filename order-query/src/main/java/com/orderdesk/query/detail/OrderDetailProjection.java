package com.orderdesk.query.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.query.support.ProjectionNames;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.query.FindOrderDetail;
import com.orderdesk.shared.order.query.FindProjectedVersions;
import com.orderdesk.shared.order.query.ProjectionProgress;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * The order-form read model: every event of an order is folded by {@link OrderDetailFold} into a JSON document.
 * Redelivered events (version already applied) change nothing.
 */
@Component
@ProcessingGroup(ProjectionNames.ORDER_DETAIL)
class OrderDetailProjection {
    private final OrderDetailRepository rows;
    private final ObjectMapper json;
    private final QueryUpdateEmitter emitter;

    OrderDetailProjection(OrderDetailRepository rows, ObjectMapper json, QueryUpdateEmitter emitter) {
        this.rows = rows;
        // offsets are part of the document (times in the service's zone): never shift them on reading
        this.json = json.copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        this.emitter = emitter;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) throws JsonProcessingException {
        if (!ProjectionNames.isOrderEvent(message)) {
            return;
        }
        String orderId = message.getAggregateIdentifier();
        long version = message.getSequenceNumber();
        OrderDetailRow row = rows.findById(orderId).orElse(null);
        if (row != null && row.version >= version) {
            return;
        }
        OrderDetailFold fold = row == null ? new OrderDetailFold() : OrderDetailFold.resume(read(row));
        fold.apply(event, version);
        if (fold.isEmpty()) {
            throw new IllegalStateException("Event " + message.getPayloadType().getSimpleName() + " of order " + orderId
                    + " arrived before the order was placed");
        }
        OrderDetail detail = fold.toDetail();
        if (row == null) {
            row = new OrderDetailRow(orderId);
        }
        row.number = detail.number();
        row.guestId = detail.guestId();
        row.version = version;
        row.document = json.writeValueAsString(detail);
        rows.save(row);
        boolean guestVisible = !(event instanceof MessagePosted posted && posted.visibility() == Visibility.INTERNAL);
        emitter.emit(FindOrderDetail.class, query -> query.orderId().equals(orderId), new OrderUpdate(detail, guestVisible));
        emitter.emit(FindProjectedVersions.class, query -> query.orderId().equals(orderId),
                new ProjectionProgress(ProjectionNames.ORDER_DETAIL, orderId, version));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    OrderDetail read(OrderDetailRow row) {
        try {
            return json.readValue(row.document, OrderDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable order detail of " + row.orderId, e);
        }
    }
}
