package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignExecutor(
        @TargetAggregateIdentifier String orderId,
        String executorId,
        String executorName,
        Long expectedVersion) {
}
