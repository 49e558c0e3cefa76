package com.orderdesk.query.readmodel;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/** The read models of this module, one processing group (and one pooled streaming processor) each. */
public final class ProjectionNames {
    public static final String ORDER_LIST = "order-list";
    public static final String ORDER_DETAIL = "order-detail";
    public static final String ORDER_TIMELINE = "order-timeline";
    public static final String CASH_BOOK = "cash-book";
    public static final List<String> ALL = List.of(ORDER_LIST, ORDER_DETAIL, ORDER_TIMELINE, CASH_BOOK);

    private static final String ORDER_EVENTS = "com.orderdesk.shared.order.event.";

    private ProjectionNames() {
    }

    public static boolean isOrderEvent(DomainEventMessage<?> message) {
        return message.getPayloadType().getName().startsWith(ORDER_EVENTS);
    }
}
