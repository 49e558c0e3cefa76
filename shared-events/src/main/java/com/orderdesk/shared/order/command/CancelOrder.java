package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelOrder(
        @TargetAggregateIdentifier String orderId,
        String reason,
        Actor by,
        Long expectedVersion) {
}
