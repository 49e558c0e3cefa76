package com.orderdesk.shared.order.query;

/** The order form of one order; as a subscription query, every change of it. */
public record FindOrderDetail(String orderId) {
}
