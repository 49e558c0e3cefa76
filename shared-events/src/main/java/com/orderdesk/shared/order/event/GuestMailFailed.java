package com.orderdesk.shared.order.event;

import java.time.Instant;

/** A mail about the order could not be delivered after its last retry; staff see why and may call the guest. */
public record GuestMailFailed(String orderId, String mailId, String kind, String subject, String reason, int attempts, Instant at)
        implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
