package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentAuthorized;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCanceled;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCreated;
import com.orderdesk.shared.order.command.RecordGatewayRefund;
import com.orderdesk.shared.order.command.RecordGatewayRefundFailed;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;
import java.time.Instant;

import static com.orderdesk.command.order.MoneyRules.min;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Money through the payment gateway (SPEC.md §3.4, docs/adr/004): the guest's online payment asked for, created,
 * authorized, captured or let go, and the gateway's refunds — what the gateway reports is never refused: what the order
 * cannot count under its rules is owed back.
 */
class OnlinePayments {
    private static final Actor GATEWAY = Actor.system(Channel.GATEWAY);
    private final Order order;

    OnlinePayments(Order order) {
        this.order = order;
    }

    @CommandHandler
    long handle(RequestOnlinePayment command, Actor by, Catalog catalog, Clock clock) {
        order.requireAccess(by, catalog);
        String requestId = Check.text(command.requestId(), "requestId", "идентификатор запроса оплаты", 200);
        OrderLedger ledger = order.ledger();
        if (ledger.onlinePaymentAsked(requestId)) {
            return Order.version(); // asked already: the open payment stands
        }
        order.requireNotFinal("Оплата невозможна");
        Money open = ledger.openToPay();
        if (open.isZero()) {
            throw new RejectedException(ErrorCode.ORDER_NOT_PAYABLE, ledger.remainder().isZero() ? "Заказ уже оплачен полностью."
                    : "Оплата уже поступила и списывается: ещё раз платить не нужно.");
        }
        // an order still waiting for its prepayment asks for what is missing of it; a confirmed one for the rest
        boolean awaiting = order.status() == OrderStatus.AWAITING_PAYMENT;
        Money missingPrepayment = ledger.prepaymentDue().minusOrZero(ledger.paid().plus(ledger.reserved()));
        Money amount = awaiting && missingPrepayment.isPositive() ? missingPrepayment : open;
        request(requestId, amount, awaiting, by, clock.instant(), catalog);
        return Order.version();
    }

    /**
     * Asks the gateway for {@code amount} (the payment saga creates the payment), with its receipt if it can have one;
     * {@code prepayment}: the order waits for it to be confirmed.
     */
    void request(String requestId, Money amount, boolean prepayment, Actor by, Instant at, Catalog catalog) {
        OrderNumber number = order.number();
        Receipt receipt = order.receipts().forOnlinePayment(amount, at, catalog);
        boolean whole = amount.equals(order.ledger().remainder());
        apply(new OnlinePaymentRequested(order.orderId(), number.value(), requestId, amount,
                "Заказ " + number.value() + (whole ? ": оплата" : ": предоплата"), prepayment, by, at,
                receipt, receipt == null ? null : order.rentalStart()));
    }

    @CommandHandler
    long handle(RecordGatewayPaymentCreated command, Clock clock) {
        String gatewayPaymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        if (!order.ledger().awaitsGatewayPayment(command.requestId(), gatewayPaymentId)) {
            return Order.version();
        }
        apply(new GatewayPaymentCreated(order.orderId(), command.requestId(), command.gatewayPaymentId(), command.confirmationUrl(),
                clock.instant()));
        return Order.version();
    }

    /**
     * The guest authorized a payment online: capture what is still owed — all of it, or as much as leaves the
     * remainder at 0 or at least the minimum — and release the rest; release all of it when nothing is owed any more.
     */
    @CommandHandler
    long handle(RecordGatewayPaymentAuthorized command, Clock clock) {
        String paymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        OrderLedger ledger = order.ledger();
        if (ledger.knows(paymentId)) {
            return Order.version();
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        Money toCapture = order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.COMPLETED
                ? Money.ZERO : MoneyRules.acceptable(ledger.openToPay(), amount, ledger.minimumRemainder());
        apply(new GatewayPaymentAuthorized(order.orderId(), paymentId, amount, toCapture, clock.instant(),
                toCapture.isPositive() ? order.receipts().forPayment(paymentId, toCapture) : null));
        return Order.version();
    }

    /**
     * The gateway took money. Never refused: what the order cannot count under its rules is owed back. The payment is
     * the gateway's whoever reports it (its notification, the saga, the deadline); the metadata says who did.
     */
    @CommandHandler
    long handle(RecordGatewayPayment command, Clock clock) {
        String paymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        OrderLedger ledger = order.ledger();
        if (ledger.recorded(paymentId)) {
            return Order.version();
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "Сумма оплаты должна быть больше нуля.");
        }
        boolean cancelled = order.status() == OrderStatus.CANCELLED;
        Money counted = MoneyRules.acceptable(ledger.openFor(paymentId), amount, ledger.minimumRemainder());
        Money owedBack = amount.minusOrZero(counted);
        Money paidAfter = ledger.paid().plus(counted);
        Money remainderAfter = cancelled ? Money.ZERO : ledger.total().minusOrZero(paidAfter);
        Money refundDueAfter = ledger.refundDue().plus(owedBack);
        PaymentStatus statusAfter = cancelled ? MoneyRules.cancelledStatus(refundDueAfter, ledger.refundedAny(), paidAfter)
                : MoneyRules.liveStatus(paidAfter, remainderAfter);
        Instant at = command.paidAt() == null ? clock.instant() : command.paidAt();
        apply(new GatewayPaymentRecorded(order.orderId(), paymentId, amount,
                command.method() == null ? PaymentMethod.BANK_CARD : command.method(), GATEWAY, at,
                paidAfter, remainderAfter, refundDueAfter, statusAfter, owedBack,
                owedBack.isPositive() ? order.receipts().forRefund(paymentId, amount, owedBack) : null));
        order.confirmIfPaidEnough(GATEWAY, clock);
        return Order.version();
    }

    @CommandHandler
    long handle(RecordGatewayPaymentCanceled command, Clock clock) {
        String paymentId = command.gatewayPaymentId();
        if (order.ledger().recordedOrCanceled(paymentId)) {
            return Order.version();
        }
        apply(new GatewayPaymentCanceled(order.orderId(), paymentId,
                Check.optionalText(command.reason(), "reason", "причина", Order.MAX_REASON), clock.instant()));
        return Order.version();
    }

    @CommandHandler
    long handle(RecordGatewayRefund command, Clock clock) {
        String refundId = Check.text(command.gatewayRefundId(), "gatewayRefundId", "возврат шлюза", 200);
        OrderLedger ledger = order.ledger();
        if (ledger.knowsRefund(refundId)) {
            return Order.version();
        }
        String paymentId = command.gatewayPaymentId();
        Money paidThroughGateway = ledger.gatewayPayment(paymentId);
        if (paidThroughGateway == null) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Платёж шлюза " + paymentId + " не относится к заказу.");
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (!amount.isPositive() || ledger.refundedBy(paymentId).plus(amount).isGreaterThan(paidThroughGateway)) {
            throw new InvalidValueException("amount", "Возврат больше платежа шлюза.");
        }
        // a refund first settles what is owed back; beyond that it was money the order counted (a refund made in the
        // gateway's own dashboard): it is no longer paid — and that part, nobody here asked for, needs its refund receipt
        Money settles = min(amount, ledger.refundDue());
        Money unasked = amount.minusOrZero(settles);
        Money refundDueAfter = ledger.refundDue().minusOrZero(settles);
        Money paidAfter = ledger.paid().minusOrZero(unasked);
        boolean cancelled = order.status() == OrderStatus.CANCELLED;
        Money remainderAfter = cancelled ? Money.ZERO : ledger.total().minusOrZero(paidAfter);
        PaymentStatus statusAfter = cancelled ? MoneyRules.cancelledStatus(refundDueAfter, true, ledger.keptOnCancellation(paidAfter))
                : MoneyRules.liveStatus(paidAfter, remainderAfter, refundDueAfter);
        apply(new GatewayRefundRecorded(order.orderId(), refundId, paymentId, amount, clock.instant(), refundDueAfter, statusAfter,
                paidAfter, remainderAfter, unasked.isPositive() ? unasked : null,
                unasked.isPositive() ? order.receipts().forRefund(paymentId, paidThroughGateway, unasked) : null));
        return Order.version();
    }

    /** A refund the gateway refused stays owed: staff now return it at the desk, and the order shows why. */
    @CommandHandler
    long handle(RecordGatewayRefundFailed command, Clock clock) {
        String requestId = Check.text(command.refundRequestId(), "refundRequestId", "запрос возврата", 300);
        OrderLedger ledger = order.ledger();
        if (ledger.knowsFailedRefund(requestId)) {
            return Order.version();
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        String paymentId = command.gatewayPaymentId();
        // still owed (refunds the gateway made meanwhile are recorded already) and still refundable: ask again for that
        Money owed = min(amount, ledger.refundDue().minusOrZero(ledger.deskRefundDue()));
        Money taken = ledger.gatewayPayment(paymentId) == null ? Money.ZERO : ledger.gatewayPayment(paymentId);
        Money candidate = min(owed, taken.minusOrZero(ledger.refundedBy(paymentId)));
        // asking again for the same amount would meet the same refusal: only a smaller, corrected amount is asked again
        Money retried = candidate.isLessThan(amount) ? candidate : Money.ZERO;
        apply(new GatewayRefundFailed(order.orderId(), requestId, paymentId, amount,
                Check.optionalText(command.reason(), "reason", "причина", Order.MAX_REASON), clock.instant(),
                ledger.deskRefundDue().plus(owed.minusOrZero(retried)), retried,
                retried.isPositive() ? order.receipts().forRefund(paymentId, taken, retried) : null));
        return Order.version();
    }
}
