package com.orderdesk.shared.order;

import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.value.Money;

/** A gateway payment that must go back to the guest through the gateway, with the refund receipt (null when the payment had no receipt). */
public record GatewayRefundDue(String paymentId, Money amount, Receipt receipt) {

    public GatewayRefundDue(String paymentId, Money amount) {
        this(paymentId, amount, null);
    }
}
