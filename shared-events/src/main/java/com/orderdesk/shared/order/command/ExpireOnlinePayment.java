package com.orderdesk.shared.order.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment deadline passed. Cancels the order with «Истек срок оплаты» only if it still awaits payment —
 * a payment that arrived a moment earlier wins.
 */
public record ExpireOnlinePayment(@TargetAggregateIdentifier String orderId, String requestId) {
}
