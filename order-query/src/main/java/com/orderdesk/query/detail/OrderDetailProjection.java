package com.orderdesk.query.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.orderdesk.query.support.OrderReadModel;
import com.orderdesk.query.support.ProjectionNames;
import com.orderdesk.query.support.ReadModelPath;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OrderEvent;
import com.orderdesk.shared.order.query.FindOnlinePayment;
import com.orderdesk.shared.order.query.FindOrderDetail;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * The order-form read model: every event of an order is folded by {@link OrderDetailFold} into a JSON document.
 * An event already applied (or, on the inline path, one that is not next) changes nothing. Live views hear of
 * each change once it is committed.
 */
@ProcessingGroup(ProjectionNames.ORDER_DETAIL)
class OrderDetailProjection extends OrderReadModel {
    private final OrderDetailRepository rows;
    private final OrderDetails details;
    private final ObjectWriter writer;
    private final QueryUpdateEmitter emitter;

    OrderDetailProjection(OrderDetailRepository rows, OrderDetails details, ObjectMapper json, QueryUpdateEmitter emitter,
                          ReadModelPath path) {
        super(path);
        this.rows = rows;
        this.details = details;
        this.writer = OrderDetails.documents(json).writerFor(OrderDetail.class);
        this.emitter = emitter;
    }

    @EventHandler
    void on(OrderEvent event, @SequenceNumber long version) throws JsonProcessingException {
        String orderId = event.orderId();
        OrderDetailRow row = rows.findById(orderId).orElse(null);
        if (!path.applies(row == null ? -1 : row.version, version, ProjectionNames.ORDER_DETAIL, orderId)) {
            return;
        }
        OrderDetailFold fold = row == null ? new OrderDetailFold() : OrderDetailFold.resume(details.read(row));
        fold.apply(event, version);
        OrderDetail detail = fold.toDetail();
        if (row == null) {
            row = new OrderDetailRow(orderId);
        }
        row.number = detail.number();
        row.guestId = detail.guestId();
        row.version = version;
        row.document = writer.writeValueAsString(detail);
        rows.save(row);
        boolean guestVisible = !(event instanceof MessagePosted posted && posted.visibility() == Visibility.INTERNAL);
        emitter.emit(FindOrderDetail.class, query -> query.orderId().equals(orderId), new OrderUpdate(detail, guestVisible));
        if (detail.onlinePayment() != null) {
            emitter.emit(FindOnlinePayment.class, query -> query.orderId().equals(orderId), detail.onlinePayment());
        }
    }

    @ResetHandler
    void reset() {
        if (path == ReadModelPath.CATCH_UP) {
            rows.deleteAllInBatch();
        }
    }
}
