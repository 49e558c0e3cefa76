package com.orderdesk.shared.order.event;

import java.time.Instant;

/** The guest turned e-mails off with the link in a mail about this order: none is sent to that address any more. */
public record GuestMailStopped(String orderId, String email, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
