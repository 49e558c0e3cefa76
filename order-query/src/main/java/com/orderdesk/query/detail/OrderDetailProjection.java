package com.orderdesk.query.detail;

import com.orderdesk.query.readmodel.AfterCommit;
import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.readmodel.OrderReadModel;
import com.orderdesk.query.readmodel.ProjectionNames;
import com.orderdesk.query.readmodel.ReadModelPath;
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
 * The order-form read model: every event of an order is folded by {@link OrderDetailFold} onto the stored document
 * (the order's scalar fields); a payment or refund it records is added as a row of its own ({@link OrderDetails}).
 * An event already applied (or, on the inline path, one that is not next) changes nothing. Live views hear of each
 * change once it is committed, read then, and only when someone on this node is watching the order.
 */
@ProcessingGroup(ProjectionNames.ORDER_DETAIL)
class OrderDetailProjection extends OrderReadModel {
    private final OrderDetailRepository rows;
    private final OrderDetails details;
    private final QueryUpdateEmitter emitter;

    OrderDetailProjection(OrderDetailRepository rows, OrderDetails details, QueryUpdateEmitter emitter, ReadModelPath path,
                          AppliedInline appliedInline) {
        super(path, appliedInline);
        this.rows = rows;
        this.details = details;
        this.emitter = emitter;
    }

    @EventHandler
    void on(OrderEvent event, @SequenceNumber long version) {
        String orderId = event.orderId();
        OrderDetailRow row = rows.findById(orderId).orElse(null);
        if (!applies(row == null ? -1 : row.version, version, orderId)) {
            return;
        }
        OrderDetailFold fold = row == null ? new OrderDetailFold() : OrderDetailFold.resume(details.document(row));
        fold.apply(event, version);
        OrderDetail folded = fold.toDetail();
        if (row == null) {
            row = new OrderDetailRow(orderId);
        }
        details.write(row, folded);
        boolean guestVisible = !(event instanceof MessagePosted posted && posted.visibility() == Visibility.INTERNAL);
        FindOnlinePayment.OnlinePayment onlinePayment = folded.onlinePayment();
        // live views hear of a change only once it is committed (Axon's emitter defers an update to the commit only
        // when called in the unit of work's first phase; the inline path runs in prepare-commit, where it sends at once)
        AfterCommit.run(() -> {
            if (watched(orderId)) {
                details.find(orderId).ifPresent(detail -> emitter.emit(FindOrderDetail.class,
                        query -> query.orderId().equals(orderId), new OrderUpdate(detail, guestVisible)));
            }
            if (onlinePayment != null) {
                emitter.emit(FindOnlinePayment.class, query -> query.orderId().equals(orderId), onlinePayment);
            }
        });
    }

    /** Whether a live view of the order is open on this node. */
    private boolean watched(String orderId) {
        return emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof FindOrderDetail query && query.orderId().equals(orderId));
    }

    @ResetHandler
    void reset() {
        if (path == ReadModelPath.CATCH_UP) {
            forgetAppliedInline();
            details.deleteAll();
        }
    }
}
