package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.value.Actor;

import java.time.Instant;

public record MessagePosted(
        String orderId,
        String messageId,
        Visibility visibility,
        String text,
        Actor author,
        Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
