package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The visitor's e-mail was confirmed with the signed link sent to it (no login). */
public record ConfirmVisitorEmail(@TargetAggregateIdentifier String orderId, String email) {
}
