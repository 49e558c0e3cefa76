package com.orderdesk.shared.order;

import com.orderdesk.shared.value.Money;

/** A gateway payment that must go back to the guest through the gateway. */
public record GatewayRefundDue(String paymentId, Money amount) {
}
