package com.orderdesk.shared.order.query;

/**
 * How far each read model has projected one order. Answered with {@link ProjectedVersions}; as a subscription
 * query, updates arrive as {@link ProjectionProgress}. Lets a command endpoint answer only once its change is
 * readable (read your writes).
 */
public record FindProjectedVersions(String orderId) {
}
