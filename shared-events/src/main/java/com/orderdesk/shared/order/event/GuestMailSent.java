package com.orderdesk.shared.order.event;

import java.time.Instant;

/** A mail about the order reached the guest's mail server: which one ({@code mailId}, {@code kind}) and its subject. */
public record GuestMailSent(String orderId, String mailId, String kind, String subject, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
