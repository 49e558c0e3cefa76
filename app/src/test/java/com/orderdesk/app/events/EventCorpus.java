package com.orderdesk.app.events;

import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.event.SettlementReceiptDue;
import com.orderdesk.shared.order.receipt.PaymentMode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptCustomer;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.order.receipt.SettlementType;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.ServiceRef;
import com.orderdesk.shared.order.TariffRef;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Two order histories that between them hold every event type, as today's code writes them: the source of the
 * event corpus ({@link EventCorpusTest}). A corpus version, once written, is never rewritten: it is what the store
 * holds from that version on, and every later build must still read it.
 */
final class EventCorpus {
    static final String DESK_ORDER = "6d2b2f6a-0000-4000-8000-00000000c001";
    static final String ONLINE_ORDER = "6d2b2f6a-0000-4000-8000-00000000c002";
    private static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);
    private static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    private static final Actor GATEWAY = Actor.system(Channel.GATEWAY);
    private static final ServiceRef SERVICE = new ServiceRef("coworking-2nd-floor", "Коворкинг на 2 этаже", "Asia/Yekaterinburg");
    private static final TariffRef TARIFF = new TariffRef("standard", "Стандарт", Money.ofRubles(100), "HOUR");
    private static final Person VISITOR = new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"));
    /** Since {@code OrderPlaced} revision 2 (corpus v2) a visitor may give an e-mail. */
    private static final Person VISITOR_WITH_EMAIL = new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"), "troshkov@example.com");
    private static final Applicant APPLICANT = new Applicant("Алексей Трошков", Applicant.GUEST_ROLE, VISITOR.phone());
    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");
    private static final RentalPeriod PERIOD = new RentalPeriod(Instant.parse("2026-12-02T11:00:00Z"), Instant.parse("2026-12-02T15:00:00Z"));
    private static final RentalPeriod MOVED = new RentalPeriod(Instant.parse("2026-12-03T11:00:00Z"), Instant.parse("2026-12-03T14:00:00Z"));
    private static final List<OrderLine> LINES = List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", 4, Money.ofRubles(100), Money.ofRubles(400)));
    /** Since corpus v4 lines carry the tariff's VAT code and «предмет расчёта» for fiscal receipts. */
    private static final List<OrderLine> LINES_WITH_VAT = List.of(LINES.get(0).withVat(11, OrderLine.SERVICE));
    private static final ReceiptCustomer CUSTOMER = ReceiptCustomer.of(VISITOR_WITH_EMAIL);
    private static final Receipt PREPAYMENT_RECEIPT = Receipt.of(CUSTOMER, LINES_WITH_VAT, Money.ofRubles(100), PaymentMode.PARTIAL_PREPAYMENT);

    private EventCorpus() {
    }

    private static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    /** history name → its events in order */
    static Map<String, List<Object>> histories() {
        return Map.of("desk-order", deskOrder(), "online-order", onlineOrder(), "no-show-order", noShowOrder());
    }

    /** Placed at the desk, executor assigned and taken off, paid in part, an internal message, cancelled, paid back at the desk. */
    static List<Object> deskOrder() {
        String id = DESK_ORDER;
        return List.of(
                new OrderPlaced(id, OrderNumber.of(1_006_400), at(0), MANAGER, null, SERVICE, TARIFF, LINES, PERIOD, "207", VISITOR,
                        APPLICANT, PaymentPlan.PARTIAL, Money.ofRubles(400), Money.ZERO, Money.ofRubles(50), LocalDate.of(2026, 12, 2),
                        OrderStatus.CONFIRMED, PaymentStatus.UNPAID),
                new ExecutorAssigned(id, "service", "Пётр Иванов", null, null, MANAGER, at(1)),
                new ExecutorUnassigned(id, "service", "Пётр Иванов", MANAGER, at(2)),
                new ManagerPaymentRecorded(id, "desk-1", Money.ofRubles(150), PaymentMethod.CASH, "Предоплата", MANAGER, at(3),
                        Money.ofRubles(150), Money.ofRubles(250), PaymentStatus.PARTIALLY_PAID),
                new MessagePosted(id, "m-1", Visibility.INTERNAL, "Гость попросил место у окна.", MANAGER, at(4)),
                // since corpus v6 (issue 27): moved a day on and an hour shorter — 300 ₽ now, 150 ₽ of it still to pay
                new com.orderdesk.shared.order.event.OrderRescheduled(id, PERIOD, MOVED, "Asia/Yekaterinburg", "Гость попросил перенести",
                        MANAGER, at(4), List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", 3, Money.ofRubles(100),
                        Money.ofRubles(300))), Money.ofRubles(400), Money.ofRubles(300), Money.ofRubles(150), Money.ofRubles(150),
                        Money.ZERO, Money.ZERO, Money.ZERO, List.of(), PaymentStatus.PARTIALLY_PAID, LocalDate.of(2026, 12, 3)),
                new OrderCancelled(id, "Гость заболел", MANAGER, at(5), Money.ofRubles(150), Money.ofRubles(150), List.of(),
                        PaymentStatus.REFUND_PENDING, Money.ofRubles(150)),
                new DeskRefundRecorded(id, "refund-1", Money.ofRubles(150), PaymentMethod.CASH, MANAGER, at(6), Money.ZERO,
                        PaymentStatus.REFUNDED));
    }

    /**
     * Booked online: a payment asked, created, authorized, one canceled, the prepayment recorded and the order
     * confirmed, a public message, a refund recorded and one failed, completed after the rental.
     */
    static List<Object> onlineOrder() {
        String id = ONLINE_ORDER;
        return List.of(
                new OrderPlaced(id, OrderNumber.of(1_006_401), at(0), GUEST, "guest", SERVICE, TARIFF, LINES_WITH_VAT, PERIOD, null, VISITOR_WITH_EMAIL,
                        APPLICANT, PaymentPlan.PARTIAL, Money.ofRubles(400), Money.ofRubles(100), Money.ofRubles(50),
                        // since corpus v5: an address a guest gave that is not theirs waits for confirmation
                        LocalDate.of(2026, 12, 2), OrderStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, true),
                new OnlinePaymentRequested(id, "1006401", id + ":prepayment", Money.ofRubles(100), "Предоплата по заказу 1006401",
                        true, GUEST, at(0), PREPAYMENT_RECEIPT, PERIOD.start()),
                new GatewayPaymentCreated(id, id + ":prepayment", "gw-1", "https://gateway.example/checkout/gw-1", at(1)),
                new GatewayPaymentAuthorized(id, "gw-1", Money.ofRubles(100), Money.ofRubles(100), at(2), PREPAYMENT_RECEIPT),
                new GatewayPaymentCanceled(id, "gw-0", "expired_on_confirmation", at(2)),
                new GatewayPaymentRecorded(id, "gw-1", Money.ofRubles(100), PaymentMethod.BANK_CARD, GATEWAY, at(3), Money.ofRubles(100),
                        Money.ofRubles(300), Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ZERO),
                new OrderConfirmed(id, GATEWAY, at(3)),
                new ReceiptRecorded(id, "payment:gw-1", ReceiptKind.PAYMENT, ReceiptStatus.PENDING, null, "gw-1", null, Money.ofRubles(100),
                        PREPAYMENT_RECEIPT, List.of(), null, null, null, null, at(3)),
                new ReceiptRecorded(id, "payment:gw-1", ReceiptKind.PAYMENT, ReceiptStatus.SUCCEEDED, "rc-1", "gw-1", null, Money.ofRubles(100),
                        PREPAYMENT_RECEIPT, List.of(), null, "1001", "9289000100408074", "2715389140", at(4)),
                new com.orderdesk.shared.order.event.VisitorEmailConfirmed(id, "troshkov@example.com", at(4)),
                new MessagePosted(id, "m-2", Visibility.PUBLIC, "Ждём вас в среду!", MANAGER, at(4)),
                // since corpus v5 a refund made in the gateway's dashboard carries what nobody asked for and its receipt
                new GatewayRefundRecorded(id, "gw-refund-1", "gw-1", Money.ofRubles(20), at(5), Money.ZERO, PaymentStatus.PARTIALLY_PAID,
                        Money.ofRubles(80), Money.ofRubles(320), Money.ofRubles(20), PREPAYMENT_RECEIPT.scaledTo(Money.ofRubles(20))),
                new GatewayRefundFailed(id, "refund-request-2", "gw-1", Money.ofRubles(10), "Gateway refused with 400", at(6),
                        Money.ofRubles(10), Money.ZERO, null),
                new ReceiptRecorded(id, "refund:gw-refund-1", ReceiptKind.REFUND, ReceiptStatus.CANCELED, "rc-2", "gw-1", "gw-refund-1",
                        Money.ofRubles(20), PREPAYMENT_RECEIPT.scaledTo(Money.ofRubles(20)), List.of(),
                        "Касса не зарегистрировала чек: ЮKassa сообщила статус canceled", null, null, null, at(6)),
                new com.orderdesk.shared.order.event.GuestMailSent(id, "mail-1", "CONFIRMED", "Заказ № 1006401 подтверждён", at(7)),
                new com.orderdesk.shared.order.event.GuestMailFailed(id, "mail-2", "MESSAGE", "Новое сообщение по заказу № 1006401",
                        "почтовый сервер не принял письмо: 550 mailbox unavailable", 8, at(8)),
                new com.orderdesk.shared.order.event.GuestMailStopped(id, "troshkov@example.com", at(9)),
                // since corpus v7 (issue 30): checked in by the pass at the reception, and out
                new com.orderdesk.shared.order.event.GuestCheckedIn(id, com.orderdesk.shared.order.CheckInMethod.PASS, MANAGER,
                        Instant.parse("2026-12-02T10:50:00Z")),
                new com.orderdesk.shared.order.event.GuestCheckedOut(id, MANAGER, Instant.parse("2026-12-02T15:00:00Z")),
                new OrderCompleted(id, MANAGER, Instant.parse("2026-12-02T16:00:00Z")),
                new SettlementReceiptDue(id, "settlement:" + id, "gw-1", Receipt.of(CUSTOMER, LINES_WITH_VAT, Money.ofRubles(80),
                        PaymentMode.FULL_PAYMENT), List.of(new Settlement(SettlementType.PREPAYMENT, Money.ofRubles(80))),
                        Instant.parse("2026-12-02T16:00:01Z")),
                new ReceiptRecorded(id, "settlement", ReceiptKind.SETTLEMENT, ReceiptStatus.SUCCEEDED, "rc-3", "gw-1", null,
                        Money.ofRubles(80), Receipt.of(CUSTOMER, LINES_WITH_VAT, Money.ofRubles(80), PaymentMode.FULL_PAYMENT),
                        List.of(new Settlement(SettlementType.PREPAYMENT, Money.ofRubles(80))), null, "1002", "9289000100408074",
                        "3815389141", Instant.parse("2026-12-02T16:00:05Z")));
    }

    /** Since corpus v7 (issue 30): placed and paid at the desk, the guest did not come — marked by the deadline. */
    static List<Object> noShowOrder() {
        String id = "6d2b2f6a-0000-4000-8000-00000000c003";
        return List.of(
                new OrderPlaced(id, OrderNumber.of(1_006_402), at(0), MANAGER, null, SERVICE, TARIFF, LINES_WITH_VAT, PERIOD, null, VISITOR,
                        APPLICANT, PaymentPlan.FULL, Money.ofRubles(400), Money.ZERO, Money.ofRubles(50), LocalDate.of(2026, 12, 2),
                        OrderStatus.CONFIRMED, PaymentStatus.UNPAID),
                new ManagerPaymentRecorded(id, "desk-1", Money.ofRubles(400), PaymentMethod.CARD_TERMINAL, null, MANAGER, at(1),
                        Money.ofRubles(400), Money.ZERO, PaymentStatus.PAID),
                new com.orderdesk.shared.order.event.OrderMarkedNoShow(id, Actor.system(Channel.DEADLINE), Instant.parse("2026-12-02T11:30:00Z")));
    }
}
