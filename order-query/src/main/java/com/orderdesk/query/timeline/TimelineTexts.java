package com.orderdesk.query.timeline;

import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.GuestMailFailed;
import com.orderdesk.shared.order.event.GuestMailSent;
import com.orderdesk.shared.order.event.GuestMailStopped;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.GuestCheckedIn;
import com.orderdesk.shared.order.event.GuestCheckedOut;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderMarkedNoShow;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderEvent;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.event.SettlementReceiptDue;
import com.orderdesk.shared.order.event.VisitorEmailConfirmed;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;

import java.util.Optional;

/** The Russian sentences the timeline shows for system events. */
final class TimelineTexts {
    static final String GATEWAY_PAYMENT = "Поступила оплата через платёжный шлюз.";
    private static final String NOBODY = "не назначен";

    private TimelineTexts() {
    }

    /** A line an event puts on the timeline: {@code INTERNAL} (staff only, no author) or {@code SYSTEM} (everyone). */
    record Line(String kind, String text, Actor author) {
        static Line system(String text, Actor by) {
            return new Line("SYSTEM", text, person(by));
        }

        static Line system(String text) {
            return new Line("SYSTEM", text, null);
        }

        static Line internal(String text) {
            return new Line("INTERNAL", text, null);
        }
    }

    /** The line for an event, if it has one. Messages are not system lines (the projection writes them itself). */
    static Optional<Line> of(OrderEvent event) {
        return Optional.ofNullable(event.accept(LINES));
    }

    /** What each kind of event says: every kind has its method, so a new one is decided here. */
    private static final OrderEvent.Visitor<Line> LINES = new OrderEvent.Visitor<>() {
        @Override
        public Line visit(OrderPlaced e) {
            return Line.system(placed(e), e.placedBy());
        }

        @Override
        public Line visit(ManagerPaymentRecorded e) {
            // who did it is the line's author; the words name nobody (guests see staff only as «менеджер»)
            return Line.system("Проведена оплата " + e.amount().toRussianTextWithKopecks() + " (" + e.method().label() + ").", e.by());
        }

        @Override
        public Line visit(GatewayPaymentRecorded e) {
            return Line.system(GATEWAY_PAYMENT + (e.refundDueAfter().isPositive()
                    ? " К возврату гостю: " + e.refundDueAfter().toRussianTextWithKopecks() + "." : ""));
        }

        @Override
        public Line visit(OrderConfirmed e) {
            return Line.system("Заказ подтверждён.");
        }

        @Override
        public Line visit(OrderCancelled e) {
            return Line.system("Заказ отменён: " + sentence(e.reason())
                    + (e.refundDue().isPositive() ? " К возврату гостю: " + e.refundDue().toRussianTextWithKopecks() + "."
                    : e.refundDecided() != null && e.paymentStatusAfter() == com.orderdesk.shared.order.PaymentStatus.PARTIALLY_PAID
                    ? " Оплата не возвращается." : ""), e.by());
        }

        @Override
        public Line visit(OrderRescheduled e) {
            return Line.system(rescheduled(e), e.by());
        }

        @Override
        public Line visit(DeskRefundRecorded e) {
            return Line.system("Проведён возврат " + e.amount().toRussianTextWithKopecks() + " (" + e.method().label() + ").", e.by());
        }

        @Override
        public Line visit(OrderCompleted e) {
            return Line.system(e.by() != null && e.by().channel() == com.orderdesk.shared.value.Channel.DEADLINE
                    ? "Заказ выполнен автоматически: аренда закончилась, заказ оплачен." : "Заказ выполнен.", e.by());
        }

        @Override
        public Line visit(GuestCheckedIn e) {
            return Line.system("Гость пришёл: отмечен на ресепшене " + e.method().label() + ".", e.by());
        }

        @Override
        public Line visit(GuestCheckedOut e) {
            return Line.system("Гость ушёл: отмечен уход.", e.by());
        }

        @Override
        public Line visit(OrderMarkedNoShow e) {
            return Line.system((e.by() != null && e.by().channel() == com.orderdesk.shared.value.Channel.DEADLINE
                    ? "Гость не пришёл: никто не отметился после начала аренды." : "Гость не пришёл.")
                    + " Места освобождены; оплата остаётся по правилам услуги.", e.by());
        }

        @Override
        public Line visit(OnlinePaymentRequested e) {
            // the prepayment a guest's booking asks for is said by its placing
            return e.requestId().endsWith(":prepayment") ? null
                    : Line.system("Гость перешёл к онлайн-оплате " + e.amount().toRussianTextWithKopecks() + ".");
        }

        @Override
        public Line visit(GatewayPaymentCanceled e) {
            return Line.system("Онлайн-оплата не прошла: платёжный шлюз отменил платёж" + (e.reason() == null ? "." : " (" + e.reason() + ")."));
        }

        @Override
        public Line visit(GatewayRefundRecorded e) {
            // a refund nobody here asked for (the gateway's dashboard) on a live order: what is owed again is said
            return Line.system("Возврат " + e.amount().toRussianTextWithKopecks() + " через платёжный шлюз выполнен."
                    + (e.unasked() != null && e.remainderAfter() != null && e.remainderAfter().isPositive()
                    ? " Деньги вернули в личном кабинете шлюза: остаток к оплате снова " + e.remainderAfter().toRussianTextWithKopecks() + "."
                    : ""));
        }

        @Override
        public Line visit(GatewayPaymentAuthorized e) {
            return Line.system(authorized(e));
        }

        @Override
        public Line visit(GuestMailSent e) {
            return Line.system("Гостю отправлено письмо: «" + e.subject() + "».");
        }

        @Override
        public Line visit(GuestMailStopped e) {
            return Line.system("Гость отписался от писем о заказах.");
        }

        @Override
        public Line visit(VisitorEmailConfirmed e) {
            return Line.system("Адрес e-mail посетителя подтверждён по ссылке из письма.");
        }

        @Override
        public Line visit(ReceiptRecorded e) {
            if (e.status() == com.orderdesk.shared.order.receipt.ReceiptStatus.SUCCEEDED) {
                return Line.system(e.kind().label() + receiptAmount(e) + " зарегистрирован"
                        + (e.fiscalDocumentNumber() == null ? "." : " (ФД № " + e.fiscalDocumentNumber() + ")."));
            }
            return e.status().isFailure() ? Line.internal(e.kind().label() + receiptAmount(e) + " " + e.status().label()
                    + (e.reason() == null ? "" : ": " + e.reason()) + ". Оплата учтена; чек нужно оформить в кассе вручную.") : null;
        }

        @Override
        public Line visit(SettlementReceiptDue e) {
            return Line.system("Предоплата зачитывается: формируется чек зачёта предоплаты на "
                    + e.receipt().total().toRussianTextWithKopecks() + ".");
        }

        // lines only staff see: who works on the order, what went wrong with money and what they must do about it

        @Override
        public Line visit(ExecutorAssigned e) {
            return Line.internal("Исполнитель изменён: " + orNobody(e.previousExecutorName()) + " → " + e.executorName() + ".");
        }

        @Override
        public Line visit(ExecutorUnassigned e) {
            return Line.internal("Исполнитель изменён: " + orNobody(e.previousExecutorName()) + " → " + NOBODY + ".");
        }

        @Override
        public Line visit(GatewayRefundFailed e) {
            boolean retried = e.retried() != null && e.retried().isPositive();
            return Line.internal("Платёжный шлюз отказал в возврате " + e.amount().toRussianTextWithKopecks()
                    + (e.reason() == null ? "" : " (" + e.reason() + ")") + "."
                    + (retried ? " Повторно запрошен возврат " + e.retried().toRussianTextWithKopecks() + " через шлюз." : "")
                    + (e.deskRefundDueAfter().isPositive() ? " Верните гостю на месте: " + e.deskRefundDueAfter().toRussianTextWithKopecks() + "."
                    : ""));
        }

        @Override
        public Line visit(GuestMailFailed e) {
            return Line.internal("Письмо гостю «" + e.subject() + "» не доставлено после " + e.attempts() + " попыток ("
                    + e.reason() + "). Свяжитесь с гостем по телефону.");
        }

        @Override
        public Line visit(GatewayPaymentCreated e) {
            return null; // the guest's way to the gateway's page: said when the guest asks to pay, not again here
        }

        @Override
        public Line visit(MessagePosted e) {
            return null; // a message is its own entry, written by the projection with its author and visibility
        }
    };

    /** Who a system line is attributed to: people by name; the gateway and the system as «Система» (none). */
    private static Actor person(Actor actor) {
        return actor == null || actor.channel() == Channel.SYSTEM || actor.role() == com.orderdesk.shared.value.Role.SYSTEM
                ? null : actor;
    }

    private static final java.time.format.DateTimeFormatter DAY_HOUR = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final java.time.format.DateTimeFormatter HOUR = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    /** "14.12.2026 10:00–12:00" in the service's zone (the end's date too when it is another day). */
    static String period(com.orderdesk.shared.value.RentalPeriod period, java.time.ZoneId zone) {
        java.time.ZonedDateTime start = period.start().atZone(zone);
        java.time.ZonedDateTime end = period.end().atZone(zone);
        return start.format(DAY_HOUR) + "–" + (end.toLocalDate().equals(start.toLocalDate()) ? end.format(HOUR) : end.format(DAY_HOUR));
    }

    private static String rescheduled(OrderRescheduled e) {
        java.time.ZoneId zone = java.time.ZoneId.of(e.timeZone());
        StringBuilder text = new StringBuilder("Заказ перенесён: было ").append(period(e.from(), zone)).append(", стало ")
                .append(period(e.to(), zone)).append(" (время местное).");
        if (e.reason() != null && !e.reason().isBlank()) {
            text.append(" Причина: ").append(sentence(e.reason()));
        }
        if (!e.total().equals(e.totalBefore())) {
            text.append(" Сумма заказа: ").append(e.totalBefore().toRussianTextWithKopecks()).append(" → ")
                    .append(e.total().toRussianTextWithKopecks()).append(".");
        }
        if (e.owedBack().isPositive()) {
            text.append(" К возврату гостю: ").append(e.owedBack().toRussianTextWithKopecks()).append(".");
        } else if (e.remainderAfter().isPositive() && !e.total().equals(e.totalBefore())) {
            text.append(" Остаток к оплате: ").append(e.remainderAfter().toRussianTextWithKopecks()).append(".");
        }
        return text.toString();
    }

    private static String authorized(GatewayPaymentAuthorized e) {
        String base = "Гость оплатил онлайн " + e.authorized().toRussianTextWithKopecks();
        if (e.toCapture().isZero()) {
            return base + ", но заказ уже не ждёт оплаты: платёж не списывается, деньги остаются у гостя.";
        }
        if (e.toCapture().equals(e.authorized())) {
            return base + ": платёж списывается.";
        }
        return base + ": списывается " + e.toCapture().toRussianTextWithKopecks()
                + " (остаток к оплате не может быть меньше минимума), остальное остаётся у гостя.";
    }

    private static String receiptAmount(ReceiptRecorded e) {
        return e.amount() == null ? "" : " на " + e.amount().toRussianTextWithKopecks();
    }

    private static String placed(OrderPlaced e) {
        String base = "Заказ " + e.number().value() + " создан";
        String who = switch (e.placedBy().channel()) {
            case DESK -> " менеджером.";
            case GUEST_APP -> " гостем в приложении.";
            default -> ".";
        };
        String awaiting = e.prepaymentDue().isPositive()
                ? " Ожидается оплата " + e.prepaymentDue().toRussianTextWithKopecks() + "." : "";
        String email = e.visitorEmailUnconfirmed()
                ? " Адрес e-mail посетителя не подтверждён: письма о заказе и чеки туда не отправляются, пока его не подтвердят "
                + "по ссылке из письма, отправленного на этот адрес. Чеки — на телефон." : "";
        return base + who + awaiting + email;
    }

    private static String orNobody(String name) {
        return name == null ? NOBODY : name;
    }

    private static String sentence(String text) {
        return text.matches(".*[.!?…]$") ? text : text + ".";
    }
}
