package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Actor;

import java.time.Instant;

/** An order that was awaiting payment received what it needed. */
public record OrderConfirmed(String orderId, Actor by, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
