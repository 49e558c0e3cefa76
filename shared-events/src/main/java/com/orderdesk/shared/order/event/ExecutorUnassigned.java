package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Actor;

import java.time.Instant;

public record ExecutorUnassigned(
        String orderId,
        String previousExecutorId,
        String previousExecutorName,
        Actor by,
        Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
