package com.orderdesk.payment.gateway;

import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentAuthorized;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCanceled;
import com.orderdesk.shared.order.command.RecordGatewayRefund;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.value.Money;

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

    /**
     * Captures {@code amount} of an authorized payment (with {@code receipt} when less than authorized is taken), or
     * releases it when {@code amount} is zero, under keys of the payment's own; refused (captured or released already,
     * or expired), the gateway's own state decides. The payment as it ends; unavailable while it is not final yet.
     */
    public static PaymentGateway.GatewayPayment settle(PaymentGateway gateway, String paymentId, Money amount, Receipt receipt) {
        PaymentGateway.GatewayPayment payment;
        try {
            payment = amount.isPositive() ? gateway.capturePayment("capture-" + paymentId, paymentId, amount, receipt)
                    : gateway.cancelPayment("cancel-" + paymentId, paymentId);
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            payment = gateway.getPayment(paymentId);
        }
        if (!isFinal(payment)) {
            throw new PaymentGateway.GatewayUnavailableException("payment " + paymentId + " is still " + payment.status(), null);
        }
        return payment;
    }
}
