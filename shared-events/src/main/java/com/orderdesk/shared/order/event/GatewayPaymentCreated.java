package com.orderdesk.shared.order.event;

import java.time.Instant;

public record GatewayPaymentCreated(String orderId, String requestId, String gatewayPaymentId, String confirmationUrl,
                                    Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
