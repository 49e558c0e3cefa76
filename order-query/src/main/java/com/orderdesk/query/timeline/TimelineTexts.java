package com.orderdesk.query.timeline;

import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;

import java.util.Optional;

/** The Russian sentences the timeline shows for system events. */
final class TimelineTexts {
    static final String GATEWAY_PAYMENT = "Поступила оплата через платёжный шлюз.";
    private static final String NOBODY = "не назначен";

    private TimelineTexts() {
    }

    /** The system line for an event, if it has one. Messages are not system lines. */
    static Optional<String> of(Object event) {
        String text = null;
        if (event instanceof OrderPlaced e) {
            text = placed(e);
        } else if (event instanceof ManagerPaymentRecorded e) {
            // who did it is the line's author; the words name nobody (guests see staff only as «менеджер»)
            text = "Проведена оплата " + e.amount().toRussianTextWithKopecks() + " (" + e.method().label() + ").";
        } else if (event instanceof GatewayPaymentRecorded e) {
            text = GATEWAY_PAYMENT + (e.refundDueAfter().isPositive()
                    ? " К возврату гостю: " + e.refundDueAfter().toRussianTextWithKopecks() + "." : "");
        } else if (event instanceof OrderConfirmed) {
            text = "Заказ подтверждён.";
        } else if (event instanceof OrderCancelled e) {
            text = "Заказ отменён: " + sentence(e.reason())
                    + (e.refundDue().isPositive() ? " К возврату гостю: " + e.refundDue().toRussianTextWithKopecks() + "."
                    : e.refundDecided() != null && e.paymentStatusAfter() == com.orderdesk.shared.order.PaymentStatus.PARTIALLY_PAID
                    ? " Оплата не возвращается." : "");
        } else if (event instanceof com.orderdesk.shared.order.event.OrderRescheduled e) {
            text = rescheduled(e);
        } else if (event instanceof DeskRefundRecorded e) {
            text = "Проведён возврат " + e.amount().toRussianTextWithKopecks() + " (" + e.method().label() + ").";
        } else if (event instanceof OrderCompleted) {
            text = "Заказ выполнен.";
        } else if (event instanceof com.orderdesk.shared.order.event.OnlinePaymentRequested e && !e.requestId().endsWith(":prepayment")) {
            text = "Гость перешёл к онлайн-оплате " + e.amount().toRussianTextWithKopecks() + ".";
        } else if (event instanceof com.orderdesk.shared.order.event.GatewayPaymentCanceled e) {
            text = "Онлайн-оплата не прошла: платёжный шлюз отменил платёж" + (e.reason() == null ? "." : " (" + e.reason() + ").");
        } else if (event instanceof com.orderdesk.shared.order.event.GatewayRefundRecorded e) {
            // a refund nobody here asked for (the gateway's dashboard) on a live order: what is owed again is said
            text = "Возврат " + e.amount().toRussianTextWithKopecks() + " через платёжный шлюз выполнен."
                    + (e.unasked() != null && e.remainderAfter() != null && e.remainderAfter().isPositive()
                    ? " Деньги вернули в личном кабинете шлюза: остаток к оплате снова " + e.remainderAfter().toRussianTextWithKopecks() + "."
                    : "");
        } else if (event instanceof GatewayPaymentAuthorized e) {
            text = authorized(e);
        } else if (event instanceof com.orderdesk.shared.order.event.GuestMailSent e) {
            text = "Гостю отправлено письмо: «" + e.subject() + "».";
        } else if (event instanceof com.orderdesk.shared.order.event.GuestMailStopped) {
            text = "Гость отписался от писем о заказах.";
        } else if (event instanceof com.orderdesk.shared.order.event.VisitorEmailConfirmed) {
            text = "Адрес e-mail посетителя подтверждён по ссылке из письма.";
        } else if (event instanceof com.orderdesk.shared.order.event.ReceiptRecorded e
                && e.status() == com.orderdesk.shared.order.receipt.ReceiptStatus.SUCCEEDED) {
            text = e.kind().label() + receiptAmount(e) + " зарегистрирован"
                    + (e.fiscalDocumentNumber() == null ? "." : " (ФД № " + e.fiscalDocumentNumber() + ").");
        } else if (event instanceof com.orderdesk.shared.order.event.SettlementReceiptDue e) {
            text = "Предоплата зачитывается: формируется чек зачёта предоплаты на "
                    + e.receipt().total().toRussianTextWithKopecks() + ".";
        }
        return Optional.ofNullable(text);
    }

    /** Who a system line is attributed to: people by name, the gateway and the system as «Система». */
    static Actor author(Object event) {
        Actor actor = null;
        if (event instanceof OrderPlaced e) {
            actor = e.placedBy();
        } else if (event instanceof ExecutorAssigned e) {
            actor = e.by();
        } else if (event instanceof ExecutorUnassigned e) {
            actor = e.by();
        } else if (event instanceof ManagerPaymentRecorded e) {
            actor = e.by();
        } else if (event instanceof OrderCancelled e) {
            actor = e.by();
        } else if (event instanceof com.orderdesk.shared.order.event.OrderRescheduled e) {
            actor = e.by();
        } else if (event instanceof DeskRefundRecorded e) {
            actor = e.by();
        } else if (event instanceof OrderCompleted e) {
            actor = e.by();
        }
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

    private static String rescheduled(com.orderdesk.shared.order.event.OrderRescheduled e) {
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

    /** Lines only staff see: who works on the order, what went wrong with money and what they must do about it. */
    static Optional<String> internal(Object event) {
        if (event instanceof ExecutorAssigned e) {
            return Optional.of("Исполнитель изменён: " + orNobody(e.previousExecutorName()) + " → " + e.executorName() + ".");
        }
        if (event instanceof ExecutorUnassigned e) {
            return Optional.of("Исполнитель изменён: " + orNobody(e.previousExecutorName()) + " → " + NOBODY + ".");
        }
        if (event instanceof GatewayRefundFailed e) {
            boolean retried = e.retried() != null && e.retried().isPositive();
            return Optional.of("Платёжный шлюз отказал в возврате " + e.amount().toRussianTextWithKopecks()
                    + (e.reason() == null ? "" : " (" + e.reason() + ")") + "."
                    + (retried ? " Повторно запрошен возврат " + e.retried().toRussianTextWithKopecks() + " через шлюз." : "")
                    + (e.deskRefundDueAfter().isPositive() ? " Верните гостю на месте: " + e.deskRefundDueAfter().toRussianTextWithKopecks() + "."
                    : ""));
        }
        if (event instanceof com.orderdesk.shared.order.event.ReceiptRecorded e && e.status().isFailure()) {
            return Optional.of(e.kind().label() + receiptAmount(e) + " " + e.status().label()
                    + (e.reason() == null ? "" : ": " + e.reason()) + ". Оплата учтена; чек нужно оформить в кассе вручную.");
        }
        if (event instanceof com.orderdesk.shared.order.event.GuestMailFailed e) {
            return Optional.of("Письмо гостю «" + e.subject() + "» не доставлено после " + e.attempts() + " попыток ("
                    + e.reason() + "). Свяжитесь с гостем по телефону.");
        }
        return Optional.empty();
    }

    private static String receiptAmount(com.orderdesk.shared.order.event.ReceiptRecorded e) {
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
