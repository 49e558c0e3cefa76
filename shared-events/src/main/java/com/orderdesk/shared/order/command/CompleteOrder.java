package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteOrder(
        @TargetAggregateIdentifier String orderId,
        Long expectedVersion) {
}
