package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff mark that the guest did not come (issue 30): the places are freed, the money stays. */
public record MarkNoShow(
        @TargetAggregateIdentifier String orderId,
        Long expectedVersion) {
}
