package com.orderdesk.payment.gateway;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentAuthorized;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCanceled;
import com.orderdesk.shared.order.command.RecordGatewayRefund;

import java.util.Optional;

/**
 * The one translation of what the gateway says about a payment (its own answer, never a notification's body) into
 * what the order records: taken, authorized and waiting for capture, or canceled. A pending payment records nothing.
 */
public final class GatewayFacts {
    private GatewayFacts() {
    }

    public static Optional<Object> commandFor(String orderId, PaymentGateway.GatewayPayment payment) {
        if (payment.succeeded()) {
            return Optional.of(new RecordGatewayPayment(orderId, payment.id(), payment.amount(), PaymentMethod.BANK_CARD, null));
        }
        if (payment.waitingForCapture()) {
            return Optional.of(new RecordGatewayPaymentAuthorized(orderId, payment.id(), payment.amount()));
        }
        if (payment.canceled()) {
            return Optional.of(new RecordGatewayPaymentCanceled(orderId, payment.id(), payment.cancellationReason()));
        }
        return Optional.empty();
    }

    /** A refund the gateway made (whoever asked for it), as the order records it. */
    public static RecordGatewayRefund commandFor(String orderId, PaymentGateway.GatewayRefund refund) {
        return new RecordGatewayRefund(orderId, refund.id(), refund.paymentId(), refund.amount());
    }

    /** A payment in a state nothing will change by itself any more (as far as this order is concerned). */
    public static boolean isFinal(PaymentGateway.GatewayPayment payment) {
        return payment.succeeded() || payment.canceled();
    }
}
