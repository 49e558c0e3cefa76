package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Actor;

import java.time.Instant;

/** The guest did not come: the order's places are freed, the money paid stays (staff may still cancel with a refund). */
public record OrderMarkedNoShow(String orderId, Actor by, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
