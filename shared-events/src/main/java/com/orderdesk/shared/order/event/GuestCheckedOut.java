package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Actor;

import java.time.Instant;

/** The checked-in guest left. */
public record GuestCheckedOut(String orderId, Actor by, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
