package com.orderdesk.shared.order.query;

/** A read model applied the event with {@code version} of an order. */
public record ProjectionProgress(String projection, String orderId, long version) {
}
