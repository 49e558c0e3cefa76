package com.orderdesk.query.list;

import com.orderdesk.query.support.ProjectionNames;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.query.FindProjectedVersions;
import com.orderdesk.shared.order.query.ProjectionProgress;
import com.orderdesk.shared.value.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The order-list read model: one row per order, the columns the list filters, searches and sorts by. */
@Component
@ProcessingGroup(ProjectionNames.ORDER_LIST)
class OrderListProjection {
    private final OrderSummaryRepository rows;
    private final QueryUpdateEmitter emitter;

    OrderListProjection(OrderSummaryRepository rows, QueryUpdateEmitter emitter) {
        this.rows = rows;
        this.emitter = emitter;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!ProjectionNames.isOrderEvent(message)) {
            return;
        }
        String orderId = message.getAggregateIdentifier();
        long version = message.getSequenceNumber();
        OrderSummaryRow row;
        if (event instanceof OrderPlaced placed) {
            if (rows.existsById(orderId)) {
                return;
            }
            row = placedRow(placed);
        } else {
            row = rows.findById(orderId).orElseThrow(() -> new IllegalStateException(
                    "Event " + message.getPayloadType().getSimpleName() + " of order " + orderId + " arrived before the order"));
            if (row.version >= version) {
                return;
            }
            apply(row, event);
        }
        row.version = version;
        rows.save(row);
        emitter.emit(FindProjectedVersions.class, query -> query.orderId().equals(orderId),
                new ProjectionProgress(ProjectionNames.ORDER_LIST, orderId, version));
    }

    private static OrderSummaryRow placedRow(OrderPlaced e) {
        OrderSummaryRow row = new OrderSummaryRow();
        row.orderId = e.orderId();
        row.number = e.number().value();
        row.createdAt = e.placedAt();
        row.serviceId = e.service().id();
        row.serviceName = e.service().name();
        row.timeZone = e.service().timeZone();
        row.status = e.status().name();
        row.paymentStatus = e.paymentStatus().name();
        row.visitorName = e.visitor().name();
        row.visitorNameLower = e.visitor().name().toLowerCase(Locale.ROOT);
        row.phoneDigits = e.visitor().phone().digits();
        row.ticketNumber = e.ticketNumber();
        row.ticketLower = e.ticketNumber() == null ? null : e.ticketNumber().toLowerCase(Locale.ROOT);
        row.totalMinor = e.total().minor();
        row.remainderMinor = e.total().minor();
        row.dueDate = e.dueDate();
        row.guestId = e.guestId();
        return row;
    }

    private static void apply(OrderSummaryRow row, Object event) {
        if (event instanceof ExecutorAssigned e) {
            row.executorId = e.executorId();
            row.executorName = e.executorName();
        } else if (event instanceof ExecutorUnassigned) {
            row.executorId = null;
            row.executorName = null;
        } else if (event instanceof ManagerPaymentRecorded e) {
            payment(row, e.remainderAfter(), e.paymentStatusAfter());
        } else if (event instanceof GatewayPaymentRecorded e) {
            payment(row, e.remainderAfter(), e.paymentStatusAfter());
        } else if (event instanceof OrderConfirmed) {
            row.status = OrderStatus.CONFIRMED.name();
        } else if (event instanceof OrderCancelled e) {
            row.status = OrderStatus.CANCELLED.name();
            row.paymentStatus = e.paymentStatusAfter().name();
            row.remainderMinor = 0;
        } else if (event instanceof DeskRefundRecorded e) {
            row.paymentStatus = e.paymentStatusAfter().name();
        } else if (event instanceof com.orderdesk.shared.order.event.GatewayRefundRecorded e) {
            row.paymentStatus = e.paymentStatusAfter().name();
            if (e.remainderAfter() != null) {
                row.remainderMinor = e.remainderAfter().minor();
            }
        } else if (event instanceof OrderCompleted) {
            row.status = OrderStatus.COMPLETED.name();
        }
    }

    private static void payment(OrderSummaryRow row, Money remainderAfter, PaymentStatus statusAfter) {
        row.remainderMinor = remainderAfter.minor();
        row.paymentStatus = statusAfter.name();
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }
}
