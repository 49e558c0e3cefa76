package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.CheckInMethod;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.RentalDeadline;
import com.orderdesk.shared.order.command.CheckInGuest;
import com.orderdesk.shared.order.command.CheckOutGuest;
import com.orderdesk.shared.order.command.MarkNoShow;
import com.orderdesk.shared.order.command.PassRentalDeadline;
import com.orderdesk.shared.order.event.GuestCheckedIn;
import com.orderdesk.shared.order.event.GuestCheckedOut;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderMarkedNoShow;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The guest at the reception (issue 30, docs/adr/022): checking in on the rental's day, checking out, the no-show —
 * by staff, or on its own once the service's {@code no-show-after} passed — and the order completing on its own
 * {@code complete-after} its rental's end. The deadlines are set when the order is placed and when it moves; one for a
 * period the order no longer has does nothing.
 */
class OrderAttendance {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", RU);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", RU);
    private final Order order;
    private Instant checkedInAt;
    private Instant checkedOutAt;

    OrderAttendance(Order order) {
        this.order = order;
    }

    /**
     * Checks the guest in: staff of the service, a confirmed order, on the rental's day from the service's {@code
     * check-in-from} before its start until its end, the price paid. A second check-in changes nothing and answers
     * with the first.
     */
    @CommandHandler
    CheckInGuest.CheckedIn handle(CheckInGuest command, Actor by, Catalog catalog, Clock clock) {
        requireStaff(by, catalog);
        order.requireVersion(command.expectedVersion());
        CheckInMethod method = Check.present(command.method(), "method", "способ отметки (PASS, NUMBER или ORDER_FORM)");
        if (checkedInAt != null) {
            return new CheckInGuest.CheckedIn(Order.version(), checkedInAt, true);
        }
        requireAttendable("Отметить приход нельзя");
        Instant now = clock.instant();
        Catalog.Service service = Order.serviceOf(catalog, order.serviceId());
        Instant opens = order.rentalStart().minus(service.attendance().checkInFrom());
        if (now.isBefore(opens) || !now.isBefore(order.rentalEnd())) {
            throw new RejectedException(ErrorCode.CHECK_IN_WRONG_DAY, wrongTime(now, opens));
        }
        if (order.ledger().remainder().isPositive()) {
            throw new RejectedException(ErrorCode.ORDER_NOT_PAID, "Заказ оплачен не полностью: к оплате "
                    + order.ledger().remainder().toRussianTextWithKopecks() + ". Примите оплату, затем отметьте приход.");
        }
        apply(new GuestCheckedIn(order.orderId(), method, by, now));
        return new CheckInGuest.CheckedIn(Order.version(), now, false);
    }

    @CommandHandler
    long handle(CheckOutGuest command, Actor by, Catalog catalog, Clock clock) {
        requireStaff(by, catalog);
        order.requireVersion(command.expectedVersion());
        if (checkedInAt == null) {
            throw new RejectedException(ErrorCode.CHECK_IN_STATE, "Гость не отмечался: уход отмечают после прихода.");
        }
        if (checkedOutAt == null) {
            apply(new GuestCheckedOut(order.orderId(), by, clock.instant()));
        }
        return Order.version();
    }

    /** Staff mark a no-show by hand: a confirmed order whose rental started and whose guest did not check in. */
    @CommandHandler
    long handle(MarkNoShow command, Actor by, Catalog catalog, SpaceHolds space, Clock clock) {
        requireStaff(by, catalog);
        order.requireVersion(command.expectedVersion());
        requireAttendable("Отметить неявку нельзя");
        if (checkedInAt != null) {
            throw new RejectedException(ErrorCode.CHECK_IN_STATE, "Гость уже пришёл: отметился в " + time(checkedInAt) + ".");
        }
        Instant now = clock.instant();
        if (now.isBefore(order.rentalStart())) {
            throw new RejectedException(ErrorCode.RENTAL_NOT_STARTED, "Аренда ещё не началась: неявку отмечают после "
                    + time(order.rentalStart()) + ", " + day(order.rentalStart()) + ".");
        }
        markNoShow(by, space, now);
        return Order.version();
    }

    /**
     * A deadline of the rental came: for the period the order still has, a confirmed order nobody checked in for is
     * marked «Не пришёл», and a confirmed order paid in full completes. Anything else — it moved, was cancelled, is
     * awaiting its payment, the guest came, money is still owed — leaves it to staff, and changes nothing.
     */
    @CommandHandler
    long handle(PassRentalDeadline command, SpaceHolds space, Clock clock) {
        RentalPeriod current = new RentalPeriod(order.rentalStart(), order.rentalEnd());
        if (order.status() != OrderStatus.CONFIRMED || !current.equals(command.period())) {
            return Order.version();
        }
        Actor system = Actor.system(Channel.DEADLINE);
        Instant now = clock.instant();
        switch (Check.present(command.deadline(), "deadline", "срок")) {
            case NO_SHOW -> {
                if (checkedInAt == null && !now.isBefore(order.rentalStart())) {
                    markNoShow(system, space, now);
                }
            }
            case COMPLETION -> {
                if (!now.isBefore(order.rentalEnd()) && !order.ledger().remainder().isPositive()
                        && !order.ledger().refundDue().isPositive()) {
                    apply(new OrderCompleted(order.orderId(), system, now));
                }
            }
        }
        return Order.version();
    }

    /** Sets the rental's deadlines the service asks for, for the order's period now (placed, or moved). */
    void scheduleDeadlines(Catalog.Service service, RentalDeadlines deadlines) {
        RentalPeriod period = new RentalPeriod(order.rentalStart(), order.rentalEnd());
        Catalog.Attendance attendance = service.attendance();
        if (attendance.noShowAfter() != null) {
            deadlines.schedule(order.orderId(), RentalDeadline.NO_SHOW, period, period.start().plus(attendance.noShowAfter()));
        }
        if (attendance.completeAfter() != null) {
            deadlines.schedule(order.orderId(), RentalDeadline.COMPLETION, period, period.end().plus(attendance.completeAfter()));
        }
    }

    private void markNoShow(Actor by, SpaceHolds space, Instant now) {
        space.release(order.orderId()); // the places are free for others the moment this commits
        apply(new OrderMarkedNoShow(order.orderId(), by, now));
    }

    /** The reception is staff's: a guest cannot check themselves in; another service's order is as good as unknown. */
    private void requireStaff(Actor by, Catalog catalog) {
        order.requireAccess(by, catalog);
        if (by == null || by.isGuest()) {
            throw new RejectedException(ErrorCode.FORBIDDEN, "Приход гостя отмечают сотрудники на ресепшене.");
        }
    }

    private void requireAttendable(String action) {
        order.requireNotFinal(action);
        if (order.status() == OrderStatus.NO_SHOW) {
            throw new RejectedException(ErrorCode.ORDER_NO_SHOW, action + ": гость отмечен как не пришедший, места освобождены.");
        }
        if (order.status() != OrderStatus.CONFIRMED) {
            throw new RejectedException(ErrorCode.ORDER_NOT_CONFIRMED, action + ": заказ ещё не подтверждён — ожидает оплаты.");
        }
    }

    private String wrongTime(Instant now, Instant opens) {
        String booked = "Бронь на " + day(order.rentalStart()) + ", " + time(order.rentalStart()) + "–" + time(order.rentalEnd()) + ".";
        LocalDate today = now.atZone(order.zone()).toLocalDate();
        LocalDate first = order.rentalStart().atZone(order.zone()).toLocalDate();
        LocalDate last = order.rentalEnd().minusNanos(1).atZone(order.zone()).toLocalDate();
        if (!now.isBefore(order.rentalEnd())) {
            return (today.isAfter(last) ? "Другой день: " : "Время брони прошло: ") + booked;
        }
        return (today.isBefore(first) ? "Другой день: " : "Рано: вход с " + time(opens) + ". ") + booked;
    }

    private String day(Instant at) {
        return DAY.format(at.atZone(order.zone()));
    }

    private String time(Instant at) {
        ZonedDateTime local = at.atZone(order.zone());
        return TIME.format(local);
    }

    Instant checkedInAt() {
        return checkedInAt;
    }

    @EventSourcingHandler
    void on(GuestCheckedIn event) {
        checkedInAt = event.at();
    }

    @EventSourcingHandler
    void on(GuestCheckedOut event) {
        checkedOutAt = event.at();
    }
}
