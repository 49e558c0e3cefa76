package com.orderdesk.query.list;

import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.readmodel.OrderReadModel;
import com.orderdesk.query.readmodel.ProjectionNames;
import com.orderdesk.query.readmodel.ReadModelPath;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.GuestCheckedIn;
import com.orderdesk.shared.order.event.GuestCheckedOut;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderMarkedNoShow;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderEvent;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The order-list read model: one row per order, the columns the list filters, searches and sorts by. One handler per
 * event that changes a column; every other order event only moves the row's version.
 */
@ProcessingGroup(ProjectionNames.ORDER_LIST)
class OrderListProjection extends OrderReadModel {
    private final OrderSummaryRepository rows;

    OrderListProjection(OrderSummaryRepository rows, ReadModelPath path, AppliedInline appliedInline) {
        super(path, appliedInline);
        this.rows = rows;
    }

    @EventHandler
    void on(OrderPlaced e, @SequenceNumber long version) {
        if (!applies(rows.findById(e.orderId()).map(row -> row.version).orElse(-1L), version, e.orderId())) {
            return;
        }
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
        row.rentalStart = e.rentalPeriod().start();
        row.rentalEnd = e.rentalPeriod().end();
        row.guestId = e.guestId();
        row.version = version;
        rows.save(row);
    }

    @EventHandler
    void on(ExecutorAssigned e, @SequenceNumber long version) {
        update(e, version, row -> {
            row.executorId = e.executorId();
            row.executorName = e.executorName();
        });
    }

    @EventHandler
    void on(ExecutorUnassigned e, @SequenceNumber long version) {
        update(e, version, row -> {
            row.executorId = null;
            row.executorName = null;
        });
    }

    @EventHandler
    void on(ManagerPaymentRecorded e, @SequenceNumber long version) {
        update(e, version, row -> payment(row, e.remainderAfter(), e.paymentStatusAfter()));
    }

    @EventHandler
    void on(GatewayPaymentRecorded e, @SequenceNumber long version) {
        update(e, version, row -> payment(row, e.remainderAfter(), e.paymentStatusAfter()));
    }

    @EventHandler
    void on(OrderConfirmed e, @SequenceNumber long version) {
        update(e, version, row -> row.status = OrderStatus.CONFIRMED.name());
    }

    @EventHandler
    void on(OrderCancelled e, @SequenceNumber long version) {
        update(e, version, row -> {
            row.status = OrderStatus.CANCELLED.name();
            row.paymentStatus = e.paymentStatusAfter().name();
            row.remainderMinor = 0;
        });
    }

    @EventHandler
    void on(com.orderdesk.shared.order.event.OrderRescheduled e, @SequenceNumber long version) {
        update(e, version, row -> {
            row.rentalStart = e.to().start();
            row.rentalEnd = e.to().end();
            row.dueDate = e.dueDate();
            row.totalMinor = e.total().minor();
            row.remainderMinor = e.remainderAfter().minor();
            row.paymentStatus = e.paymentStatusAfter().name();
        });
    }

    @EventHandler
    void on(DeskRefundRecorded e, @SequenceNumber long version) {
        update(e, version, row -> row.paymentStatus = e.paymentStatusAfter().name());
    }

    @EventHandler
    void on(GatewayRefundRecorded e, @SequenceNumber long version) {
        update(e, version, row -> {
            row.paymentStatus = e.paymentStatusAfter().name();
            if (e.remainderAfter() != null) {
                row.remainderMinor = e.remainderAfter().minor();
            }
        });
    }

    @EventHandler
    void on(OrderCompleted e, @SequenceNumber long version) {
        update(e, version, row -> row.status = OrderStatus.COMPLETED.name());
    }

    @EventHandler
    void on(GuestCheckedIn e, @SequenceNumber long version) {
        update(e, version, row -> row.checkedInAt = e.at());
    }

    @EventHandler
    void on(GuestCheckedOut e, @SequenceNumber long version) {
        update(e, version, row -> row.checkedOutAt = e.at());
    }

    @EventHandler
    void on(OrderMarkedNoShow e, @SequenceNumber long version) {
        update(e, version, row -> row.status = OrderStatus.NO_SHOW.name());
    }

    /** Messages, online payment requests and the gateway's intermediate answers: nothing the list shows. */
    @EventHandler
    void on(OrderEvent e, @SequenceNumber long version) {
        update(e, version, row -> { });
    }

    private void update(OrderEvent e, long version, Consumer<OrderSummaryRow> change) {
        OrderSummaryRow row = rows.findById(e.orderId()).orElse(null);
        if (applies(row == null ? -1 : row.version, version, e.orderId())) {
            change.accept(row);
            row.version = version;
            rows.save(row);
        }
    }

    private static void payment(OrderSummaryRow row, Money remainderAfter, PaymentStatus statusAfter) {
        row.remainderMinor = remainderAfter.minor();
        row.paymentStatus = statusAfter.name();
    }

    @ResetHandler
    void reset() {
        if (path == ReadModelPath.CATCH_UP) {
            forgetAppliedInline();
            rows.truncate();
        }
    }
}
