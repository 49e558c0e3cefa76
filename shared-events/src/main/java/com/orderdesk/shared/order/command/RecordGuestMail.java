package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What became of a mail about the order: delivered to the guest's mail server, or given up after the last retry
 * ({@code failure} says why). Sent by the notifications worker; the same {@code mailId} twice records nothing twice.
 */
public record RecordGuestMail(
        @TargetAggregateIdentifier String orderId,
        String mailId,
        String kind,
        String subject,
        String failure,
        int attempts) {
}
