package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignExecutor(
        @TargetAggregateIdentifier String orderId,
        String executorId,
        String executorName,
        Actor by,
        Long expectedVersion) {
}
