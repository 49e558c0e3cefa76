package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.command.RecordDeskRefund;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Money staff take and return at the desk (SPEC.md §3.3, §4): cash, card terminal, bank transfer. */
class DeskPayments {
    static final int MAX_NOTE = 500;
    private final Order order;

    DeskPayments(Order order) {
        this.order = order;
    }

    @CommandHandler
    long handle(RecordManagerPayment command, Actor by, Catalog catalog, Clock clock) {
        order.requireAccess(by, catalog);
        String paymentId = Check.line(command.paymentId(), "paymentId", "идентификатор платежа", 200);
        PaymentMethod method = Check.present(command.method(), "method", "способ оплаты");
        Money amount = Check.present(command.amount(), "amount", "сумма");
        OrderLedger ledger = order.ledger();
        if (ledger.repeatsPayment(paymentId, amount, method)) {
            return Order.version(); // the same payment again: recorded once
        }
        order.requireVersion(command.expectedVersion());
        order.requireNotFinal("Оплата невозможна");
        requireDesk(method, "Способ оплаты менеджером");
        requirePositive(amount, "Сумма оплаты");
        if (ledger.remainder().isZero()) {
            throw new RejectedException(ErrorCode.ORDER_NOT_PAYABLE, "Заказ уже оплачен полностью.");
        }
        Money open = ledger.openToPay();
        Money reserved = ledger.reserved();
        String reservedNote = reserved.isPositive() ? " (ещё " + reserved.toRussianText() + " гость уже оплатил онлайн, платёж списывается)" : "";
        if (amount.isGreaterThan(open)) {
            throw new RejectedException(ErrorCode.AMOUNT_EXCEEDS_REMAINDER,
                    "Сумма " + amount.toRussianText() + " больше остатка к оплате " + open.toRussianText() + reservedNote + ".");
        }
        Money after = open.minusOrZero(amount);
        Money minimum = ledger.minimumRemainder();
        if (after.isPositive() && after.isLessThan(minimum)) {
            Money largestPartial = open.minusOrZero(minimum);
            throw new RejectedException(ErrorCode.REMAINDER_BELOW_MINIMUM,
                    "Остаток к оплате не должен быть менее " + minimum.toRussianText()
                            + ": после оплаты осталось бы " + after.toRussianText() + reservedNote + ". Внесите весь остаток "
                            + open.toRussianText()
                            + (largestPartial.isPositive() ? " или не более " + largestPartial.toRussianText() : "") + ".");
        }
        String note = Check.optionalLine(command.note(), "note", "комментарий", MAX_NOTE);
        Money paidAfter = ledger.paid().plus(amount);
        Money remainderAfter = ledger.total().minusOrZero(paidAfter);
        apply(new ManagerPaymentRecorded(order.orderId(), paymentId, amount, method, note, by, clock.instant(),
                paidAfter, remainderAfter, MoneyRules.liveStatus(paidAfter, remainderAfter)));
        order.confirmIfPaidEnough(by, clock);
        return Order.version();
    }

    @CommandHandler
    long handle(RecordDeskRefund command, Actor by, Catalog catalog, Clock clock) {
        order.requireAccess(by, catalog);
        String refundId = Check.line(command.refundId(), "refundId", "идентификатор возврата", 200);
        PaymentMethod method = Check.present(command.method(), "method", "способ возврата");
        Money amount = Check.present(command.amount(), "amount", "сумма");
        OrderLedger ledger = order.ledger();
        if (ledger.repeatsRefund(refundId, amount, method)) {
            return Order.version();
        }
        order.requireVersion(command.expectedVersion());
        Money deskRefundDue = ledger.deskRefundDue();
        if (deskRefundDue.isZero()) {
            throw new RejectedException(ErrorCode.NOTHING_TO_REFUND, "По заказу нет суммы к возврату на месте.");
        }
        requireDesk(method, "Способ возврата");
        requirePositive(amount, "Сумма возврата");
        if (amount.isGreaterThan(deskRefundDue)) {
            throw new RejectedException(ErrorCode.AMOUNT_EXCEEDS_REFUND_DUE,
                    "Сумма " + amount.toRussianText() + " больше суммы к возврату " + deskRefundDue.toRussianText() + ".");
        }
        Money refundDueAfter = ledger.refundDue().minusOrZero(amount);
        apply(new DeskRefundRecorded(order.orderId(), refundId, amount, method, by, clock.instant(), refundDueAfter,
                order.status() == OrderStatus.CANCELLED
                        ? MoneyRules.cancelledStatus(refundDueAfter, true, ledger.keptOnCancellation(ledger.paid()))
                        : MoneyRules.liveStatus(ledger.paid(), ledger.remainder(), refundDueAfter)));
        return Order.version();
    }

    private static void requireDesk(PaymentMethod method, String what) {
        if (!method.isDesk()) {
            throw new InvalidValueException("method", what + ": CASH, CARD_TERMINAL или BANK_TRANSFER.");
        }
    }

    private static void requirePositive(Money amount, String what) {
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", what + " должна быть больше нуля.");
        }
    }
}
