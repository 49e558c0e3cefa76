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
        GuestMailFailed,
        GuestMailSent,
        GuestMailStopped,
        ManagerPaymentRecorded,
        MessagePosted,
        OnlinePaymentRequested,
        OrderCancelled,
        OrderCompleted,
        OrderConfirmed,
        OrderPlaced,
        OrderRescheduled,
        ReceiptRecorded,
        SettlementReceiptDue,
        VisitorEmailConfirmed {

    /** The order this event happened to (the aggregate identifier). */
    String orderId();
}
