package com.orderdesk.notifications;

import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.GuestMailStopped;
import com.orderdesk.shared.order.event.VisitorEmailConfirmed;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Role;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

/**
 * Decides which mail each order event means for the guest, and puts it in the outbox. Its own tracking processor
 * ({@value #GROUP}, its own token, started at the head of the store: the mails of events before it existed are not
 * sent), so a mail is decided once however often read models are rebuilt, and an SMTP server that is down never
 * touches a command (docs/adr/013). Internal messages and the guest's own words never make a mail.
 */
@Component
@ProcessingGroup(NotificationPolicy.GROUP)
class NotificationPolicy {
    static final String GROUP = "notifications";
    private final Outbox outbox;
    private final NotificationsProperties settings;
    private final MailLinks links;
    private final Environment environment;
    private final Duration paymentTimeout;
    private final com.orderdesk.shared.ticket.Passes passes;

    NotificationPolicy(Outbox outbox, NotificationsProperties settings, MailLinks links, Environment environment,
                       @Value("${orderdesk.gateway.payment-timeout:15m}") Duration paymentTimeout,
                       com.orderdesk.shared.ticket.Passes passes) {
        this.passes = passes;
        this.outbox = outbox;
        this.settings = settings;
        this.links = links;
        this.environment = environment;
        this.paymentTimeout = paymentTimeout;
    }

    @EventHandler
    void on(OrderPlaced e, EventMessage<?> message) {
        Mails.OrderFacts order = new Mails.OrderFacts(e.orderId(), e.number().value(), e.service().name(),
                java.time.ZoneId.of(e.service().timeZone()), e.rentalPeriod().start(), e.rentalPeriod().end(),
                e.visitor().email(), e.guestId());
        outbox.remember(order, e.visitorEmailUnconfirmed() ? Outbox.UNCONFIRMED : Outbox.PROVEN);
        if (e.visitorEmailUnconfirmed()) {
            askToConfirm(message, order, e.placedAt()); // before any other mail of the order is written: those are held
        }
        if (e.status() == OrderStatus.CONFIRMED) {
            // placed at the desk: confirmed from the start
            mail(message, order, MailKind.CONFIRMED, e.placedAt(), o -> confirmed(o, e.placedAt()));
        }
        remind(message, order, e.placedAt());
    }

    /** The evening before the rental, where the service is: a reminder (none when that evening is already past). */
    private void remind(EventMessage<?> message, Mails.OrderFacts order, Instant now) {
        Instant reminder = order.rentalStart().atZone(order.zone()).toLocalDate().minusDays(1)
                .atTime(LocalTime.of(settings.reminderHour(), 0)).atZone(order.zone()).toInstant();
        if (reminder.isAfter(now)) {
            mail(message, order, MailKind.REMINDER, reminder, o -> Mails.compose(MailKind.REMINDER, o,
                    "Напоминание: завтра ваша аренда, заказ № " + o.number(),
                    List.of("Напоминаем: завтра у вас аренда по заказу № " + o.number() + ", " + o.period() + ". Ждём вас!"),
                    orderLink(o), unsubscribe(o)));
        }
    }

    /** The booking moved: the guest hears the new hours (and what it means for money), the reminder moves with it. */
    @EventHandler
    void on(com.orderdesk.shared.order.event.OrderRescheduled e, EventMessage<?> message) {
        outbox.cancelPending(e.orderId(), List.of(MailKind.REMINDER));
        outbox.moved(e.orderId(), e.to().start(), e.to().end());
        withOrder(e.orderId(), order -> {
            String money;
            if (e.owedBack().isPositive()) {
                Money online = e.gatewayRefunds().stream().map(com.orderdesk.shared.order.GatewayRefundDue::amount)
                        .reduce(Money.ZERO, Money::plus);
                Money desk = e.owedBack().minusOrZero(online);
                money = "Новая стоимость — " + e.total().toRussianText() + ". Вам будет возвращено " + e.owedBack().toRussianText() + ": "
                        + (online.isPositive() ? online.toRussianText() + " — на карту, которой вы платили" : "")
                        + (online.isPositive() && desk.isPositive() ? "; " : "")
                        + (desk.isPositive() ? desk.toRussianText() + " — на месте, у менеджера" : "") + ".";
            } else if (!e.total().equals(e.totalBefore())) {
                money = "Новая стоимость — " + e.total().toRussianText()
                        + (e.remainderAfter().isPositive() ? ", к оплате осталось " + e.remainderAfter().toRussianText() + "." : ".");
            } else {
                money = "Стоимость не изменилась.";
            }
            mail(message, order, MailKind.RESCHEDULED, e.at(), o -> Mails.compose(MailKind.RESCHEDULED, o,
                    "Заказ № " + o.number() + " перенесён",
                    List.of("Бронирование по заказу № " + o.number() + " перенесено (" + who(e.by()) + "). Новое время: " + o.period() + ".",
                            money, CALENDAR_UPDATED), orderLink(o), unsubscribe(o)).with(invite(o, BookingCalendar.REQUEST, e.at())));
            remind(message, order, e.at());
        });
    }

    @EventHandler
    void on(OnlinePaymentRequested e, EventMessage<?> message) {
        Duration before = paymentTimeout.minus(settings.expiryWarning());
        if (!e.orderAwaitsIt() || before.isNegative() || before.isZero()) {
            return;
        }
        withOrder(e.orderId(), order -> mail(message, order, MailKind.PAYMENT_EXPIRING, e.at().plus(before), o -> Mails.compose(
                MailKind.PAYMENT_EXPIRING, o, "Заказ № " + o.number() + " ждёт оплаты",
                List.of("Заказ № " + o.number() + " ждёт оплаты " + e.amount().toRussianText() + ". Если оплата не поступит в "
                        + "ближайшие " + settings.expiryWarning().toMinutes() + " мин., бронирование будет отменено."),
                orderLink(o), unsubscribe(o))));
    }

    @EventHandler
    void on(OrderConfirmed e, EventMessage<?> message) {
        outbox.cancelPending(e.orderId(), List.of(MailKind.PAYMENT_EXPIRING));
        withOrder(e.orderId(), order -> mail(message, order, MailKind.CONFIRMED, e.at(), o -> confirmed(o, e.at())));
    }

    @EventHandler
    void on(ManagerPaymentRecorded e, EventMessage<?> message) {
        payment(message, e.orderId(), e.amount(), e.method(), e.remainderAfter(), e.at());
    }

    @EventHandler
    void on(GatewayPaymentRecorded e, EventMessage<?> message) {
        payment(message, e.orderId(), e.amount(), e.method(), e.remainderAfter(), e.at());
    }

    @EventHandler
    void on(MessagePosted e, EventMessage<?> message) {
        if (e.visibility() != Visibility.PUBLIC || e.author() == null || e.author().isGuest()) {
            return; // internal messages stay with the staff; the guest knows what they wrote themselves
        }
        withOrder(e.orderId(), order -> mail(message, order, MailKind.MESSAGE, e.at(), o -> Mails.compose(MailKind.MESSAGE, o,
                "Новое сообщение по заказу № " + o.number(), List.of("Менеджер написал вам по заказу № " + o.number() + ":", e.text()),
                orderLink(o), unsubscribe(o))));
    }

    @EventHandler
    void on(OrderCancelled e, EventMessage<?> message) {
        outbox.cancelPending(e.orderId(), List.of(MailKind.REMINDER, MailKind.PAYMENT_EXPIRING));
        outbox.cancelled(e.orderId());
        withOrder(e.orderId(), order -> {
            String who = who(e.by());
            String refund;
            if (!e.refundDue().isPositive()) {
                refund = "Возврата денег по заказу нет.";
            } else {
                Money online = e.refundDue().minusOrZero(e.deskRefundDue());
                refund = "Вам будет возвращено " + e.refundDue().toRussianText() + ": "
                        + (online.isPositive() ? online.toRussianText() + " — на карту, которой вы платили" : "")
                        + (online.isPositive() && e.deskRefundDue().isPositive() ? "; " : "")
                        + (e.deskRefundDue().isPositive() ? e.deskRefundDue().toRussianText() + " — на месте, у менеджера" : "") + ".";
            }
            // a reason the guest wrote is quoted as theirs, never said in the coworking's voice
            List<Object> paragraphs = e.by() != null && e.by().isGuest()
                    ? List.of("Заказ № " + order.number() + " отменён (" + who + ").",
                    new Mails.Quote("Причина, которую вы указали", e.reason()), refund)
                    : List.of("Заказ № " + order.number() + " отменён (" + who + "). Причина: " + e.reason(), refund);
            mail(message, order, MailKind.CANCELLED, e.at(), o -> Mails.compose(MailKind.CANCELLED, o, "Заказ № " + o.number() + " отменён",
                    paragraphs, orderLink(o), unsubscribe(o)).with(invite(o, BookingCalendar.CANCEL, e.at())));
        });
    }

    @EventHandler
    void on(OrderCompleted e) {
        outbox.cancelPending(e.orderId(), List.of(MailKind.REMINDER, MailKind.PAYMENT_EXPIRING));
    }

    @EventHandler
    void on(DeskRefundRecorded e, EventMessage<?> message) {
        refund(message, e.orderId(), e.amount(), "на месте (" + e.method().label() + ")", e.at());
    }

    @EventHandler
    void on(GatewayRefundRecorded e, EventMessage<?> message) {
        refund(message, e.orderId(), e.amount(), "на карту, которой вы платили (срок зачисления зависит от банка)", e.at());
    }

    /**
     * A guest gave an address that is not theirs: nothing goes there until it is confirmed — every other mail of the order
     * is held — and one mail, in the coworking's words only, asks whoever reads it to confirm.
     */
    private void askToConfirm(EventMessage<?> message, Mails.OrderFacts order, Instant at) {
        outbox.unconfirmed(order.orderId());
        if (order.email() == null || outbox.optedOut(order.email())) {
            return;
        }
        String confirm = base() + "/api/notifications/confirm?token=" + links.token(MailLinks.CONFIRM, order.orderId(), order.email());
        outbox.add(message.getIdentifier() + ":" + MailKind.CONFIRM_ADDRESS + ":" + order.email(), order.orderId(),
                Mails.compose(MailKind.CONFIRM_ADDRESS, order, "Подтвердите адрес для писем о бронировании № " + order.number(),
                        List.of("Этот адрес указали при бронировании в коворкинге. Если бронировали вы или для вас, подтвердите адрес "
                                        + "по ссылке ниже — и письма о заказе будут приходить сюда.",
                                "Если вы ничего не бронировали, ничего не делайте: других писем на этот адрес не будет."),
                        new Mails.Action("Подтвердить адрес", "Подтвердить адрес", confirm), unsubscribe(order)),
                order.email(), at, message.getTimestamp());
    }

    /** The address was confirmed: what was held goes out now. */
    @EventHandler
    void on(VisitorEmailConfirmed e) {
        outbox.confirmed(e.orderId());
    }

    @EventHandler
    void on(GuestMailStopped e) {
        outbox.optOut(e.email(), e.orderId(), e.at());
    }

    private void payment(EventMessage<?> message, String orderId, Money amount, PaymentMethod method, Money remainder, Instant at) {
        withOrder(orderId, order -> mail(message, order, MailKind.PAYMENT, at, o -> Mails.compose(MailKind.PAYMENT, o,
                "Оплата по заказу № " + o.number() + " получена",
                List.of("Получена оплата " + amount.toRussianText() + " (" + method.label() + ").",
                        remainder.isPositive() ? "Осталось оплатить " + remainder.toRussianText() + "." : "Заказ оплачен полностью."),
                orderLink(o), unsubscribe(o))));
    }

    private void refund(EventMessage<?> message, String orderId, Money amount, String how, Instant at) {
        withOrder(orderId, order -> mail(message, order, MailKind.REFUND, at, o -> Mails.compose(MailKind.REFUND, o,
                "Возврат по заказу № " + o.number(), List.of("Вам возвращено " + amount.toRussianText() + " " + how + "."),
                orderLink(o), unsubscribe(o))));
    }

    private Mails.Mail confirmed(Mails.OrderFacts o, Instant at) {
        return Mails.compose(MailKind.CONFIRMED, o, "Заказ № " + o.number() + " подтверждён",
                List.of("Ваш заказ № " + o.number() + " подтверждён. Ждём вас " + o.period() + ".",
                        new Mails.Pass(passes.codeOf(o.orderId(), o.number())),
                        "Бронирование — во вложении: откройте его, чтобы добавить в календарь."),
                orderLink(o), unsubscribe(o)).with(invite(o, BookingCalendar.REQUEST, at));
    }

    private static final String CALENDAR_UPDATED = "Бронирование во вложении обновит событие в вашем календаре.";

    /** The booking for the guest's calendar as of now: the order's one event, its sequence the changes so far. */
    private Mails.Invite invite(Mails.OrderFacts o, String method, Instant at) {
        String organizer;
        try {
            organizer = new jakarta.mail.internet.InternetAddress(settings.from()).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("orderdesk.notifications.from is not an address: " + settings.from(), e);
        }
        return new Mails.Invite(method, BookingCalendar.of(o, outbox.calendar(o.orderId()).sequence(), method, at, organizer, orderLink(o)));
    }

    /** Who did it, as a guest is told. */
    private static String who(Actor by) {
        if (by == null || by.role() == Role.SYSTEM) {
            return "автоматически";
        }
        return by.isGuest() ? "по вашей просьбе" : "менеджером";
    }

    private void withOrder(String orderId, java.util.function.Consumer<Mails.OrderFacts> then) {
        outbox.order(orderId).ifPresent(then);
    }

    /** One mail per (event, kind, recipient), to the visitor's address if they gave one and have not turned mail off. */
    private void mail(EventMessage<?> message, Mails.OrderFacts order, MailKind kind, Instant sendAfter,
                      Function<Mails.OrderFacts, Mails.Mail> compose) {
        if (order.email() == null || outbox.optedOut(order.email())) {
            return;
        }
        String key = message.getIdentifier() + ":" + kind + ":" + order.email();
        // an address that awaits confirmation gets nothing yet: the mail waits, held, until it is confirmed
        String status = Outbox.UNCONFIRMED.equals(outbox.emailState(order.orderId())) ? Outbox.HELD : Outbox.PENDING;
        outbox.add(key, order.orderId(), compose.apply(order), order.email(), sendAfter, message.getTimestamp(), status);
    }

    private String base() {
        String url = environment.resolvePlaceholders(settings.publicUrl());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The guest's order page, when the order has a guest account to open it with. */
    private String orderLink(Mails.OrderFacts order) {
        return order.guestId() == null ? null : base() + "/my/orders/" + order.orderId();
    }

    private String unsubscribe(Mails.OrderFacts order) {
        return base() + "/api/notifications/unsubscribe?token=" + links.token(MailLinks.UNSUBSCRIBE, order.orderId(), order.email());
    }
}
