package com.orderdesk.shared.order.event;

import java.time.Instant;

public record GatewayPaymentCanceled(String orderId, String gatewayPaymentId, String reason, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
