package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnassignExecutor(
        @TargetAggregateIdentifier String orderId,
        Actor by,
        Long expectedVersion) {
}
