package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff mark that the checked-in guest left (issue 30; optional). */
public record CheckOutGuest(
        @TargetAggregateIdentifier String orderId,
        Long expectedVersion) {
}
