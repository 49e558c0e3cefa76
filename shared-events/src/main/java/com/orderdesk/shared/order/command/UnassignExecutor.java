package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnassignExecutor(
        @TargetAggregateIdentifier String orderId,
        Long expectedVersion) {
}
