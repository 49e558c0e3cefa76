package com.orderdesk.shared.order.event;

/**
 * Every event of the Order aggregate: the published language of what happened to a booking order. Sealed, so a
 * reader can tell an order's event by its type and every kind is known here; each names its order.
 */
public sealed interface OrderEvent permits
        DeskRefundRecorded,
        ExecutorAssigned,
        ExecutorUnassigned,
        GatewayPaymentAuthorized,
        GatewayPaymentCanceled,
        GatewayPaymentCreated,
        GatewayPaymentRecorded,
        GatewayRefundFailed,
        GatewayRefundRecorded,
        GuestCheckedIn,
        GuestCheckedOut,
        GuestMailFailed,
        GuestMailSent,
        GuestMailStopped,
        ManagerPaymentRecorded,
        MessagePosted,
        OnlinePaymentRequested,
        OrderCancelled,
        OrderCompleted,
        OrderConfirmed,
        OrderMarkedNoShow,
        OrderPlaced,
        OrderRescheduled,
        ReceiptRecorded,
        SettlementReceiptDue,
        VisitorEmailConfirmed {

    /** The order this event happened to (the aggregate identifier). */
    String orderId();

    /** This event, given to the method of {@code visitor} for its kind. */
    <R> R accept(Visitor<R> visitor);

    /**
     * A reader of every kind of order event, one method each (issue 29): a read model that implements it handles every
     * event there is, and a new kind of event does not compile until every reader says what it does with it — where
     * {@code instanceof} chains skipped it in silence.
     */
    interface Visitor<R> {
        R visit(DeskRefundRecorded event);

        R visit(ExecutorAssigned event);

        R visit(ExecutorUnassigned event);

        R visit(GatewayPaymentAuthorized event);

        R visit(GatewayPaymentCanceled event);

        R visit(GatewayPaymentCreated event);

        R visit(GatewayPaymentRecorded event);

        R visit(GatewayRefundFailed event);

        R visit(GatewayRefundRecorded event);

        R visit(GuestCheckedIn event);

        R visit(GuestCheckedOut event);

        R visit(GuestMailFailed event);

        R visit(GuestMailSent event);

        R visit(GuestMailStopped event);

        R visit(ManagerPaymentRecorded event);

        R visit(MessagePosted event);

        R visit(OnlinePaymentRequested event);

        R visit(OrderCancelled event);

        R visit(OrderCompleted event);

        R visit(OrderConfirmed event);

        R visit(OrderMarkedNoShow event);

        R visit(OrderPlaced event);

        R visit(OrderRescheduled event);

        R visit(ReceiptRecorded event);

        R visit(SettlementReceiptDue event);

        R visit(VisitorEmailConfirmed event);
    }
}
