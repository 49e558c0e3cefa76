package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The guest turned e-mails off from a mail about this order (a signed link, no login). */
public record StopGuestMail(@TargetAggregateIdentifier String orderId, String email) {
}
