package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The guest's «Оплатить»: ask for an online payment of what is left to pay. Idempotent by {@code requestId}. */
public record RequestOnlinePayment(@TargetAggregateIdentifier String orderId, String requestId) {
}
