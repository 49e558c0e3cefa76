package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteOrder(
        @TargetAggregateIdentifier String orderId,
        Actor by,
        Long expectedVersion) {
}
