package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.CheckInMethod;
import com.orderdesk.shared.value.Actor;

import java.time.Instant;

/** The guest arrived and was checked in by staff (issue 30). */
public record GuestCheckedIn(String orderId, CheckInMethod method, Actor by, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
