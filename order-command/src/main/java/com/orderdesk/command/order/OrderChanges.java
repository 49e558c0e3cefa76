package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.RescheduleOrder;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What changes a placed order's booking (SPEC.md §4.4, issue 27): cancelling it — by staff, by its guest until the
 * service's cut-off, or by the payment deadline — and moving it to other hours; each with what it owes back, through the
 * gateway first and the rest at the desk.
 */
class OrderChanges {
    private static final DateTimeFormatter CUTOFF_TEXT = DateTimeFormatter.ofPattern("d MMMM yyyy г., HH:mm", Locale.forLanguageTag("ru"));
    private final Order order;

    OrderChanges(Order order) {
        this.order = order;
    }

    @CommandHandler
    long handle(CancelOrder command, Actor by, Catalog catalog, SpaceHolds space, Clock clock) {
        order.requireAccess(by, catalog);
        order.requireVersion(command.expectedVersion());
        order.requireNotFinal("Нельзя отменить заказ");
        String reason = Check.paragraph(command.reason(), "reason", "причина отмены", Order.MAX_REASON);
        Money paid = ledger().paid();
        Money refund = paid;
        if (by != null && by.isGuest()) {
            Catalog.Service service = Order.serviceOf(catalog, order.serviceId());
            requireBeforeGuestCutoff(service, clock, "отменить");
            refund = paid.percent(service.guestRefundPercent());
        } else if (command.refundAmount() != null) {
            refund = command.refundAmount();
            if (refund.isGreaterThan(paid)) {
                throw new RejectedException(ErrorCode.REFUND_EXCEEDS_PAID, "Вернуть можно не более оплаченного: "
                        + paid.toRussianTextWithKopecks() + ".");
            }
        }
        cancel(reason, by, refund, space, clock);
        return Order.version();
    }

    /**
     * Moves the order (issue 27): staff, or its guest until the service's cancellation cut-off — the guest to a period
     * of the same price only (the same number of hours). Whole hours inside
     * opening hours, each with a free place — its own old hours count as free to it; the old ones are given up in the
     * same transaction. Priced again by the catalog: more to pay makes the remainder grow, less makes what was paid
     * beyond the new total owed back, as a cancellation's refund is (gateway money through the gateway, the rest at
     * the desk). Only a confirmed order moves: one awaiting its payment is paid first (or lapses).
     */
    @CommandHandler
    long handle(RescheduleOrder command, Actor by, Catalog catalog, SpaceHolds space, RentalDeadlines deadlines, Clock clock) {
        order.requireAccess(by, catalog);
        order.requireVersion(command.expectedVersion());
        order.requireNotFinal("Нельзя перенести заказ");
        if (order.status() != OrderStatus.CONFIRMED) {
            throw new RejectedException(ErrorCode.ORDER_NOT_CONFIRMED, "Перенести можно подтверждённый заказ: сначала оплатите его.");
        }
        RentalPeriod to = Check.present(command.rentalPeriod(), "rentalPeriod", "новый период аренды");
        String reason = Check.optionalParagraph(command.reason(), "reason", "причина переноса", Order.MAX_REASON);
        Instant now = clock.instant();
        Catalog.Service service = Order.serviceOf(catalog, order.serviceId());
        boolean guest = by != null && by.isGuest();
        if (guest) {
            requireBeforeGuestCutoff(service, clock, "перенести");
            if (!to.end().isAfter(now)) {
                throw new InvalidValueException("rentalPeriod", "Период аренды уже прошёл.");
            }
        }
        RentalPeriod from = new RentalPeriod(order.rentalStart(), order.rentalEnd());
        if (to.equals(from)) {
            throw new InvalidValueException("rentalPeriod", "Заказ уже на это время.");
        }
        catalog.requireBookable(order.serviceId(), to, now, by);
        Catalog.Pricing pricing = catalog.price(order.serviceId(), order.tariffId(), to, PaymentPlan.FULL);
        Money total = ledger().total();
        if (guest && !pricing.total().equals(total)) {
            // a guest moves their booking as it is: money that changes goes by the rules a manager applies (the
            // service's refund percentage when it shrinks, the tariff's prepayment when it grows), docs/adr/019
            throw new InvalidValueException("rentalPeriod", "Самостоятельно бронирование переносится на то же число часов — "
                    + "по той же цене (" + total.toRussianText() + "). Чтобы изменить длительность, обратитесь к менеджеру.");
        }
        space.move(service, order.orderId(), to).orRefuse(service);
        Money newTotal = pricing.total();
        Money paid = ledger().paid();
        Money owedBack = paid.minusOrZero(newTotal);
        List<GatewayRefundDue> gatewayRefunds = ledger().gatewayRefundsOf(owedBack, order.receipts()::forRefund);
        Money atDesk = owedBack.minusOrZero(MoneyRules.sum(gatewayRefunds.stream().map(GatewayRefundDue::amount).toList()));
        // money still owed back at the desk (an earlier move, a refused gateway refund) counts towards a dearer period
        // before the guest is asked to pay more: nobody is owed and owing at once
        Money credited = MoneyRules.min(ledger().deskRefundDue(), newTotal.minusOrZero(paid));
        Money paidAfter = paid.minusOrZero(owedBack).plus(credited);
        Money remainderAfter = newTotal.minusOrZero(paidAfter);
        Money refundDueAfter = ledger().refundDue().plus(owedBack).minusOrZero(credited);
        apply(new OrderRescheduled(order.orderId(), from, to, service.timeZone().getId(), reason, by, now, pricing.lines(), total, newTotal,
                paidAfter, remainderAfter, owedBack, refundDueAfter, ledger().deskRefundDue().plus(atDesk).minusOrZero(credited),
                gatewayRefunds, MoneyRules.liveStatus(paidAfter, remainderAfter, refundDueAfter),
                to.start().atZone(service.timeZone()).toLocalDate()));
        order.attendance().scheduleDeadlines(service, deadlines); // for the new period: the old ones find it moved
        return Order.version();
    }

    @CommandHandler
    long handle(ExpireOnlinePayment command, SpaceHolds space, Clock clock) {
        if (order.status() == OrderStatus.AWAITING_PAYMENT && !ledger().capturing()) { // else paid, or being captured, in time
            cancel(Order.EXPIRED_REASON, Actor.system(Channel.DEADLINE), ledger().paid(), space, clock);
        }
        return Order.version();
    }

    /**
     * Cancels, owing back {@code refund} of what was paid on top of anything already owed: gateway money through the
     * gateway first (each gateway payment for what was not asked back yet), the rest at the desk.
     */
    private void cancel(String reason, Actor by, Money refund, SpaceHolds space, Clock clock) {
        space.release(order.orderId()); // the places are free the moment the cancellation commits, with it
        List<GatewayRefundDue> gatewayRefunds = ledger().gatewayRefundsOf(refund, order.receipts()::forRefund);
        Money left = refund.minusOrZero(MoneyRules.sum(gatewayRefunds.stream().map(GatewayRefundDue::amount).toList()));
        Money refundDueAfter = ledger().refundDue().plus(refund);
        apply(new OrderCancelled(order.orderId(), reason, by, clock.instant(), refundDueAfter, ledger().deskRefundDue().plus(left), gatewayRefunds,
                MoneyRules.cancelledStatus(refundDueAfter, ledger().refundedAny(), ledger().paid().minusOrZero(refund)), refund));
    }

    /**
     * A guest acts on their booking ({@code verb}: «отменить», «перенести») only until the service's cancellation
     * cut-off before its start; later it is the manager's ({@code cancellation-window-closed}, saying until when).
     */
    private void requireBeforeGuestCutoff(Catalog.Service service, Clock clock, String verb) {
        Instant cutoff = order.rentalStart().minus(service.guestCancellationCutoff());
        if (!clock.instant().isBefore(cutoff)) {
            throw new RejectedException(ErrorCode.CANCELLATION_WINDOW_CLOSED, Character.toUpperCase(verb.charAt(0)) + verb.substring(1)
                    + " бронирование самостоятельно можно было до " + CUTOFF_TEXT.format(cutoff.atZone(order.zone())) + ". Чтобы " + verb
                    + " его сейчас, свяжитесь с менеджером.");
        }
    }

    private OrderLedger ledger() {
        return order.ledger();
    }
}
