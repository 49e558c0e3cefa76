package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.Visibility;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PostMessage(
        @TargetAggregateIdentifier String orderId,
        String messageId,
        Visibility visibility,
        String text,
        Long expectedVersion) {
}
