package com.orderdesk.shared.order.event;

import java.time.Instant;

/** Someone at the visitor's e-mail confirmed it with the link of the mail that asked: mail about the order may go there. */
public record VisitorEmailConfirmed(String orderId, String email, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
