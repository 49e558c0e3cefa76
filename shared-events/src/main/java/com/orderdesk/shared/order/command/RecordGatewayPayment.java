package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Sent by the payment saga when the gateway confirms a payment; idempotent by the gateway's payment id. */
public record RecordGatewayPayment(
        @TargetAggregateIdentifier String orderId,
        String gatewayPaymentId,
        Money amount,
        PaymentMethod method,
        Instant paidAt) {
}
