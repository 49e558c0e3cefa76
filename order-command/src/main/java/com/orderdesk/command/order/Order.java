package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.error.Rejection;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.command.AssignExecutor;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentAuthorized;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCanceled;
import com.orderdesk.shared.order.command.RecordGatewayRefundFailed;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCreated;
import com.orderdesk.shared.order.command.RecordGatewayRefund;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.CompleteOrder;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.order.command.RecordDeskRefund;
import com.orderdesk.shared.order.command.RescheduleOrder;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.command.UnassignExecutor;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.EmailAddress;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.command.ConfirmVisitorEmail;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.event.VisitorEmailConfirmed;
import com.orderdesk.shared.order.command.RequestSettlementReceipt;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.event.SettlementReceiptDue;
import com.orderdesk.shared.order.receipt.PaymentMode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptCustomer;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.order.receipt.SettlementType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One coworking booking order. Decides every rule with money (SPEC.md §3–4) and holds only what it
 * needs to decide; what people read lives in projections.
 */
@Aggregate(cache = "orderCache")
public class Order {
    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_REASON = 1000;
    public static final int MAX_NOTE = 500;
    public static final int MAX_TICKET = 32;
    public static final String EXPIRED_REASON = "Истек срок оплаты";
    private static final DateTimeFormatter CUTOFF_TEXT = DateTimeFormatter.ofPattern("d MMMM yyyy г., HH:mm", Locale.forLanguageTag("ru"));

    @AggregateIdentifier
    private String orderId;
    private OrderStatus status;
    private String serviceId;
    private ZoneId zone;
    private Money total;
    private Money prepaymentDue;
    private Money minimumRemainder;
    private Instant rentalStart;
    private Instant rentalEnd;
    /** The guest account that owns the order, if any: the only guest who may see or act on it. */
    private String guestId;
    private String executorId;
    private String executorName;
    private OrderNumber number;
    /** Counted towards the total, both channels: received money less what was owed back or refunded unasked. */
    private Money paid = Money.ZERO;
    /** Desk payments by their id: a repeat must say the same, or it is a conflict. */
    private final Map<String, DeskMoney> deskPayments = new HashMap<>();
    /** Gateway payments recorded, by the gateway's id: the amount the gateway took. */
    private final Map<String, Money> gatewayPayments = new LinkedHashMap<>();
    /** Authorized online and decided to capture, not yet recorded as taken: reserved from the remainder. */
    private final Map<String, Money> pendingCaptures = new LinkedHashMap<>();
    private final Set<String> decidedAuthorizations = new HashSet<>();
    private final Set<String> canceledGatewayPayments = new HashSet<>();
    /** Per gateway payment: what this order asked the gateway to return (or the gateway returned unasked). */
    private final Map<String, Money> gatewayRefundAsked = new HashMap<>();
    /** Per gateway payment: what the gateway returned. */
    private final Map<String, Money> gatewayRefunded = new HashMap<>();
    private final Set<String> gatewayRefundIds = new HashSet<>();
    private final Set<String> failedRefundRequests = new HashSet<>();
    /** Owed back to the guest and not yet returned. */
    private Money refundDue = Money.ZERO;
    /** What the cancellation decided to return of what was paid (nothing until the order is cancelled). */
    private Money refundDecided = Money.ZERO;
    /** The part of {@link #refundDue} staff return at the desk. */
    private Money deskRefundDue = Money.ZERO;
    private boolean refundedAny;
    private final Map<String, DeskMoney> deskRefunds = new HashMap<>();
    /** The online payment asked for and not yet authorized, paid or canceled: request id → gateway payment id (null until created). */
    private final Map<String, String> openOnlineRequests = new LinkedHashMap<>();
    private final Set<String> onlineRequestIds = new HashSet<>();
    private final Set<String> messageIds = new HashSet<>();
    /** Mails about the order whose fate is recorded (sent or given up). */
    private final Set<String> mailIds = new HashSet<>();
    private boolean mailStopped;
    // --- fiscal receipts (54-ФЗ) ---
    private String tariffId;
    private List<OrderLine> lines = List.of();
    private ReceiptCustomer customer;
    private String visitorPhone;
    /** The visitor's e-mail a guest gave that is not yet confirmed: nothing goes there until it is. */
    private String unconfirmedEmail;
    /** The receipt data each online payment request carried. */
    private final Map<String, Receipt> requestReceipts = new HashMap<>();
    /** The receipt each gateway payment was created (or captured) with. */
    private final Map<String, Receipt> paymentReceipts = new HashMap<>();
    /** Where each of the order's receipts stands, by its key. */
    private final Map<String, ReceiptStatus> receiptStates = new HashMap<>();
    /** Gateway payments taken in advance whose receipt went to the register: what a settlement receipt settles. */
    private final Set<String> prepaidWithReceipt = new java.util.LinkedHashSet<>();
    private boolean settlementDue;

    private record DeskMoney(Money amount, PaymentMethod method) {
    }

    private static final Actor GATEWAY = Actor.system(Channel.GATEWAY);

    protected Order() {
        // for Axon
    }

    /** Places the order; answers with its number (which the caller cannot know beforehand) and version. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public PlaceOrder.Placed handle(PlaceOrder command, Actor placedBy, Catalog catalog, OrderNumbers numbers, SpaceHolds space,
                                    Clock clock) {
        Actor by = Check.present(placedBy, "placedBy", "кто оформляет заказ");
        Check.present(command.rentalPeriod(), "rentalPeriod", "период аренды");
        Check.present(command.visitor(), "visitor", "посетитель");
        Check.present(command.applicant(), "applicant", "заявитель");
        Check.present(command.paymentPlan(), "paymentPlan", "способ оплаты (FULL или PARTIAL)");
        String ticket = Check.optionalLine(command.ticketNumber(), "ticketNumber", "номер билета", MAX_TICKET);
        // what people typed, by the strict rules (the values themselves also read what earlier versions stored)
        Person visitor = new Person(Check.line(command.visitor().name(), "visitor.name", "имя посетителя", Person.MAX_NAME),
                command.visitor().phone(), EmailAddress.optional(command.visitor().email(), "visitor.email"));
        Applicant applicant = new Applicant(Check.line(command.applicant().name(), "applicant.name", "имя заявителя", Person.MAX_NAME),
                Check.optionalLine(command.applicant().role(), "applicant.role", "роль заявителя", Applicant.MAX_ROLE),
                command.applicant().phone());
        Instant now = clock.instant();
        boolean online = by.channel() == Channel.GUEST_APP;
        if (online && !command.rentalPeriod().end().isAfter(now)) {
            throw new InvalidValueException("rentalPeriod", "Период аренды уже прошёл.");
        }
        if (!by.isGuest() && !catalog.reachOf(by).covers(command.serviceId())) {
            // staff place orders of their own services; another's is as unknown to them as one that does not exist
            throw new InvalidValueException("serviceId", "Неизвестная услуга: " + command.serviceId() + ".");
        }
        catalog.requireBookable(command.serviceId(), command.rentalPeriod(), now, by);
        Catalog.Pricing pricing = catalog.price(command.serviceId(), command.tariffId(), command.rentalPeriod(), command.paymentPlan());
        Money dueOnline = online ? pricing.dueOnline() : Money.ZERO;
        OrderStatus initial = dueOnline.isPositive() ? OrderStatus.AWAITING_PAYMENT : OrderStatus.CONFIRMED;
        PaymentStatus paymentStatus = pricing.total().isZero() ? PaymentStatus.PAID : PaymentStatus.UNPAID;
        String guestId = by.isGuest() ? by.id() : Check.optionalText(command.guestId(), "guestId", "гость", 200);
        // the places last, once everything else is known to be right: held in this command's transaction (docs/adr/019)
        Catalog.Service service = serviceOf(catalog, command.serviceId());
        requirePlaces(service, space.take(service, command.orderId(), command.rentalPeriod()));
        OrderNumber number = numbers.allocate(command.orderId());
        // a guest may book for anyone, but mails and receipts go only to an address the guest proved: their own, or one
        // confirmed by whoever reads it
        boolean unconfirmed = by.isGuest() && visitor.email() != null
                && (command.guestEmail() == null || !command.guestEmail().is(visitor.email()));
        apply(new OrderPlaced(command.orderId(), number, now, by, guestId, pricing.service(), pricing.tariff(),
                pricing.lines(), command.rentalPeriod(), ticket, visitor, applicant,
                command.paymentPlan(), pricing.total(), dueOnline, pricing.minimumRemainder(),
                command.rentalPeriod().start().atZone(pricing.zone()).toLocalDate(), initial, paymentStatus, unconfirmed));
        if (dueOnline.isPositive()) {
            Receipt receipt = receiptFor(dueOnline, now, catalog);
            apply(new OnlinePaymentRequested(command.orderId(), number.value(), command.orderId() + ":prepayment", dueOnline,
                    paymentDescription(number, dueOnline.equals(pricing.total())), true, by, now,
                    receipt, receipt == null ? null : rentalStart));
        }
        return new PlaceOrder.Placed(number, version());
    }

    @CommandHandler
    public long handle(AssignExecutor command, Actor by, Catalog catalog, Clock clock) {
        requireAccess(by, catalog);
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя сменить исполнителя");
        String id = Check.line(command.executorId(), "executorId", "исполнитель", 200);
        // the executor is one of the service's responsible staff, named as the catalog names them
        String name = catalog.staffOf(serviceId).stream().filter(person -> person.id().equals(id)).findFirst()
                .map(com.orderdesk.shared.access.ServiceAccess.StaffMember::name)
                .orElseThrow(() -> new InvalidValueException("executorId", "Исполнитель — один из сотрудников, ответственных за услугу «"
                        + catalog.service(serviceId).map(Catalog.Service::name).orElse(serviceId) + "»; «" + id + "» среди них нет."));
        if (id.equals(executorId) && name.equals(executorName)) {
            return version();
        }
        apply(new ExecutorAssigned(orderId, id, name, executorId, executorName, by, clock.instant()));
        return version();
    }

    @CommandHandler
    public long handle(UnassignExecutor command, Actor by, Catalog catalog, Clock clock) {
        requireAccess(by, catalog);
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя сменить исполнителя");
        if (executorId == null) {
            return version();
        }
        apply(new ExecutorUnassigned(orderId, executorId, executorName, by, clock.instant()));
        return version();
    }

    @CommandHandler
    public long handle(RecordManagerPayment command, Actor by, Catalog catalog, Clock clock) {
        requireAccess(by, catalog);
        String paymentId = Check.line(command.paymentId(), "paymentId", "идентификатор платежа", 200);
        PaymentMethod method = Check.present(command.method(), "method", "способ оплаты");
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (isRepeat(deskPayments, paymentId, amount, method, "Платёж")) {
            return version(); // the same payment again: recorded once
        }
        requireVersion(command.expectedVersion());
        requireNotFinal("Оплата невозможна");
        if (!method.isDesk()) {
            throw new InvalidValueException("method", "Способ оплаты менеджером: CASH, CARD_TERMINAL или BANK_TRANSFER.");
        }
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "Сумма оплаты должна быть больше нуля.");
        }
        if (remainder().isZero()) {
            throw new RejectedException(ErrorCode.ORDER_NOT_PAYABLE, "Заказ уже оплачен полностью.");
        }
        Money open = openToPay();
        Money reserved = reserved();
        String reservedNote = reserved.isPositive() ? " (ещё " + reserved.toRussianText() + " гость уже оплатил онлайн, платёж списывается)" : "";
        if (amount.isGreaterThan(open)) {
            throw new RejectedException(ErrorCode.AMOUNT_EXCEEDS_REMAINDER,
                    "Сумма " + amount.toRussianText() + " больше остатка к оплате " + open.toRussianText() + reservedNote + ".");
        }
        Money after = open.minusOrZero(amount);
        if (after.isPositive() && after.isLessThan(minimumRemainder)) {
            Money largestPartial = open.minusOrZero(minimumRemainder);
            throw new RejectedException(ErrorCode.REMAINDER_BELOW_MINIMUM,
                    "Остаток к оплате не должен быть менее " + minimumRemainder.toRussianText()
                            + ": после оплаты осталось бы " + after.toRussianText() + reservedNote + ". Внесите весь остаток "
                            + open.toRussianText()
                            + (largestPartial.isPositive() ? " или не более " + largestPartial.toRussianText() : "") + ".");
        }
        String note = Check.optionalLine(command.note(), "note", "комментарий", MAX_NOTE);
        Money paidAfter = paid.plus(amount);
        Money remainderAfter = total.minusOrZero(paidAfter);
        apply(new ManagerPaymentRecorded(orderId, paymentId, amount, method, note, by, clock.instant(),
                paidAfter, remainderAfter, liveStatus(paidAfter, remainderAfter)));
        confirmIfPaidEnough(by, clock);
        return version();
    }

    /**
     * The guest authorized a payment online: capture what is still owed — all of it, or as much as leaves the
     * remainder at 0 or at least the minimum — and release the rest; release all of it when nothing is owed any more.
     */
    @CommandHandler
    public long handle(RecordGatewayPaymentAuthorized command, Clock clock) {
        String paymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        if (decidedAuthorizations.contains(paymentId) || gatewayPayments.containsKey(paymentId)
                || canceledGatewayPayments.contains(paymentId)) {
            return version();
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        Money toCapture = status == OrderStatus.CANCELLED || status == OrderStatus.COMPLETED
                ? Money.ZERO : acceptable(openToPay(), amount, minimumRemainder);
        apply(new GatewayPaymentAuthorized(orderId, paymentId, amount, toCapture, clock.instant(),
                toCapture.isPositive() ? paymentReceipt(paymentId, toCapture) : null));
        return version();
    }

    /**
     * The gateway took money. Never refused: what the order cannot count under its rules is owed back. The payment is
     * the gateway's whoever reports it (its notification, the saga, the deadline); the metadata says who did.
     */
    @CommandHandler
    public long handle(RecordGatewayPayment command, Clock clock) {
        Actor by = GATEWAY;
        String paymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        if (gatewayPayments.containsKey(paymentId)) {
            return version();
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "Сумма оплаты должна быть больше нуля.");
        }
        Money openForThis = status == OrderStatus.CANCELLED ? Money.ZERO
                : openToPay().plus(pendingCaptures.getOrDefault(paymentId, Money.ZERO));
        Money counted = acceptable(openForThis, amount, minimumRemainder);
        Money owedBack = amount.minusOrZero(counted);
        Money paidAfter = paid.plus(counted);
        Money remainderAfter = status == OrderStatus.CANCELLED ? Money.ZERO : total.minusOrZero(paidAfter);
        Money refundDueAfter = refundDue.plus(owedBack);
        PaymentStatus statusAfter = status == OrderStatus.CANCELLED
                ? cancelledStatus(refundDueAfter, refundedAny, paidAfter)
                : liveStatus(paidAfter, remainderAfter);
        Instant at = command.paidAt() == null ? clock.instant() : command.paidAt();
        apply(new GatewayPaymentRecorded(orderId, paymentId, amount,
                command.method() == null ? PaymentMethod.BANK_CARD : command.method(), by, at,
                paidAfter, remainderAfter, refundDueAfter, statusAfter, owedBack,
                owedBack.isPositive() ? refundReceipt(paymentId, amount, owedBack) : null));
        confirmIfPaidEnough(by, clock);
        return version();
    }

    @CommandHandler
    public long handle(CancelOrder command, Actor by, Catalog catalog, SpaceHolds space, Clock clock) {
        requireAccess(by, catalog);
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя отменить заказ");
        String reason = Check.paragraph(command.reason(), "reason", "причина отмены", MAX_REASON);
        Money refund;
        if (by != null && by.isGuest()) {
            Catalog.Service service = serviceOf(catalog, serviceId);
            requireBeforeGuestCutoff(service, clock, "отменить");
            refund = paid.percent(service.guestRefundPercent());
        } else if (command.refundAmount() != null) {
            refund = command.refundAmount();
            if (refund.isGreaterThan(paid)) {
                throw new RejectedException(ErrorCode.REFUND_EXCEEDS_PAID, "Вернуть можно не более оплаченного: "
                        + paid.toRussianTextWithKopecks() + ".");
            }
        } else {
            refund = paid;
        }
        cancel(reason, by, refund, space, clock);
        return version();
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
    public long handle(RescheduleOrder command, Actor by, Catalog catalog, SpaceHolds space, Clock clock) {
        requireAccess(by, catalog);
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя перенести заказ");
        if (status != OrderStatus.CONFIRMED) {
            throw new RejectedException(ErrorCode.ORDER_NOT_CONFIRMED, "Перенести можно подтверждённый заказ: сначала оплатите его.");
        }
        RentalPeriod to = Check.present(command.rentalPeriod(), "rentalPeriod", "новый период аренды");
        String reason = Check.optionalParagraph(command.reason(), "reason", "причина переноса", MAX_REASON);
        Instant now = clock.instant();
        Catalog.Service service = serviceOf(catalog, serviceId);
        if (by != null && by.isGuest()) {
            requireBeforeGuestCutoff(service, clock, "перенести");
            if (!to.end().isAfter(now)) {
                throw new InvalidValueException("rentalPeriod", "Период аренды уже прошёл.");
            }
        }
        RentalPeriod from = new RentalPeriod(rentalStart, rentalEnd);
        if (to.equals(from)) {
            throw new InvalidValueException("rentalPeriod", "Заказ уже на это время.");
        }
        catalog.requireBookable(serviceId, to, now, by);
        Catalog.Pricing pricing = catalog.price(serviceId, tariffId, to, PaymentPlan.FULL);
        if (by != null && by.isGuest() && !pricing.total().equals(total)) {
            // a guest moves their booking as it is: money that changes goes by the rules a manager applies (the
            // service's refund percentage when it shrinks, the tariff's prepayment when it grows), docs/adr/019
            throw new InvalidValueException("rentalPeriod", "Самостоятельно бронирование переносится на то же число часов — "
                    + "по той же цене (" + total.toRussianText() + "). Чтобы изменить длительность, обратитесь к менеджеру.");
        }
        requirePlaces(service, space.move(service, orderId, to));
        Money newTotal = pricing.total();
        Money owedBack = paid.minusOrZero(newTotal);
        List<GatewayRefundDue> gatewayRefunds = gatewayRefundsOf(owedBack);
        Money atDesk = owedBack.minusOrZero(gatewayRefunds.stream().map(GatewayRefundDue::amount).reduce(Money.ZERO, Money::plus));
        // money still owed back at the desk (an earlier move, a refused gateway refund) counts towards a dearer period
        // before the guest is asked to pay more: nobody is owed and owing at once
        Money credited = min(deskRefundDue, newTotal.minusOrZero(paid));
        Money paidAfter = paid.minusOrZero(owedBack).plus(credited);
        Money remainderAfter = newTotal.minusOrZero(paidAfter);
        Money refundDueAfter = refundDue.plus(owedBack).minusOrZero(credited);
        apply(new OrderRescheduled(orderId, from, to, service.timeZone().getId(), reason, by, now, pricing.lines(), total, newTotal, paidAfter, remainderAfter,
                owedBack, refundDueAfter, deskRefundDue.plus(atDesk).minusOrZero(credited), gatewayRefunds,
                liveStatus(paidAfter, remainderAfter, refundDueAfter), to.start().atZone(service.timeZone()).toLocalDate()));
        return version();
    }

    @CommandHandler
    public long handle(RecordDeskRefund command, Actor by, Catalog catalog, Clock clock) {
        requireAccess(by, catalog);
        String refundId = Check.line(command.refundId(), "refundId", "идентификатор возврата", 200);
        PaymentMethod method = Check.present(command.method(), "method", "способ возврата");
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (isRepeat(deskRefunds, refundId, amount, method, "Возврат")) {
            return version();
        }
        requireVersion(command.expectedVersion());
        if (deskRefundDue.isZero()) {
            throw new RejectedException(ErrorCode.NOTHING_TO_REFUND, "По заказу нет суммы к возврату на месте.");
        }
        if (!method.isDesk()) {
            throw new InvalidValueException("method", "Способ возврата: CASH, CARD_TERMINAL или BANK_TRANSFER.");
        }
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "Сумма возврата должна быть больше нуля.");
        }
        if (amount.isGreaterThan(deskRefundDue)) {
            throw new RejectedException(ErrorCode.AMOUNT_EXCEEDS_REFUND_DUE,
                    "Сумма " + amount.toRussianText() + " больше суммы к возврату " + deskRefundDue.toRussianText() + ".");
        }
        Money refundDueAfter = refundDue.minusOrZero(amount);
        apply(new DeskRefundRecorded(orderId, refundId, amount, method, by, clock.instant(), refundDueAfter,
                status == OrderStatus.CANCELLED ? cancelledStatus(refundDueAfter, true, keptOnCancellation(paid))
                        : liveStatus(paid, remainder(), refundDueAfter)));
        return version();
    }

    @CommandHandler
    public long handle(PostMessage command, Actor author, Catalog catalog, Clock clock) {
        requireAccess(author, catalog);
        String messageId = Check.line(command.messageId(), "messageId", "идентификатор сообщения", 200);
        if (messageIds.contains(messageId)) {
            return version();
        }
        requireVersion(command.expectedVersion());
        Visibility visibility = Check.present(command.visibility(), "visibility", "видимость (PUBLIC или INTERNAL)");
        Check.present(author, "author", "автор");
        if (author.isGuest() && visibility == Visibility.INTERNAL) {
            throw new RejectedException(ErrorCode.FORBIDDEN, "Гость может писать только публичные сообщения.");
        }
        String text = Check.paragraph(command.text(), "text", "текст сообщения", MAX_MESSAGE);
        apply(new MessagePosted(orderId, messageId, visibility, text, author, clock.instant()));
        return version();
    }

    @CommandHandler
    public long handle(CompleteOrder command, Actor by, Catalog catalog, Clock clock) {
        requireAccess(by, catalog);
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя выполнить заказ");
        if (status != OrderStatus.CONFIRMED) {
            throw new RejectedException(ErrorCode.ORDER_NOT_CONFIRMED, "Выполнить можно только подтверждённый заказ.");
        }
        Instant now = clock.instant();
        if (now.isBefore(rentalEnd)) {
            throw new RejectedException(ErrorCode.RENTAL_NOT_OVER, "Период аренды ещё не закончился.");
        }
        apply(new OrderCompleted(orderId, by, now));
        return version();
    }

    @CommandHandler
    public long handle(RequestOnlinePayment command, Actor by, Catalog catalog, Clock clock) {
        requireAccess(by, catalog);
        String requestId = Check.text(command.requestId(), "requestId", "идентификатор запроса оплаты", 200);
        if (onlineRequestIds.contains(requestId) || !openOnlineRequests.isEmpty()) {
            return version(); // asked already: the open payment stands
        }
        requireNotFinal("Оплата невозможна");
        Money open = openToPay();
        if (open.isZero()) {
            throw new RejectedException(ErrorCode.ORDER_NOT_PAYABLE, remainder().isZero() ? "Заказ уже оплачен полностью."
                    : "Оплата уже поступила и списывается: ещё раз платить не нужно.");
        }
        // an order still waiting for its prepayment asks for what is missing of it; a confirmed one for the rest
        boolean awaiting = status == OrderStatus.AWAITING_PAYMENT;
        Money missingPrepayment = prepaymentDue.minusOrZero(paid.plus(reserved()));
        Money amount = awaiting && missingPrepayment.isPositive() ? missingPrepayment : open;
        Instant at = clock.instant();
        Receipt receipt = receiptFor(amount, at, catalog);
        apply(new OnlinePaymentRequested(orderId, number.value(), requestId, amount, paymentDescription(number, amount.equals(remainder())),
                awaiting, by, at, receipt, receipt == null ? null : rentalStart));
        return version();
    }

    @CommandHandler
    public long handle(RecordGatewayPaymentCreated command, Clock clock) {
        String gatewayPaymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        if (!openOnlineRequests.containsKey(command.requestId()) || gatewayPaymentId.equals(openOnlineRequests.get(command.requestId()))) {
            return version();
        }
        apply(new GatewayPaymentCreated(orderId, command.requestId(), command.gatewayPaymentId(), command.confirmationUrl(), clock.instant()));
        return version();
    }

    @CommandHandler
    public long handle(RecordGatewayPaymentCanceled command, Clock clock) {
        String paymentId = command.gatewayPaymentId();
        if (gatewayPayments.containsKey(paymentId) || canceledGatewayPayments.contains(paymentId)) {
            return version();
        }
        apply(new GatewayPaymentCanceled(orderId, paymentId,
                Check.optionalText(command.reason(), "reason", "причина", MAX_REASON), clock.instant()));
        return version();
    }

    @CommandHandler
    public long handle(RecordGatewayRefund command, Clock clock) {
        String refundId = Check.text(command.gatewayRefundId(), "gatewayRefundId", "возврат шлюза", 200);
        if (gatewayRefundIds.contains(refundId)) {
            return version();
        }
        String paymentId = command.gatewayPaymentId();
        Money paidThroughGateway = gatewayPayments.get(paymentId);
        if (paidThroughGateway == null) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Платёж шлюза " + paymentId + " не относится к заказу.");
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        Money refundedBefore = gatewayRefunded.getOrDefault(paymentId, Money.ZERO);
        if (!amount.isPositive() || refundedBefore.plus(amount).isGreaterThan(paidThroughGateway)) {
            throw new InvalidValueException("amount", "Возврат больше платежа шлюза.");
        }
        // a refund first settles what is owed back; beyond that it was money the order counted (a refund made in the
        // gateway's own dashboard): it is no longer paid
        Money settles = amount.isGreaterThan(refundDue) ? refundDue : amount;
        Money refundDueAfter = refundDue.minusOrZero(settles);
        Money paidAfter = paid.minusOrZero(amount.minusOrZero(settles));
        Money remainderAfter = status == OrderStatus.CANCELLED ? Money.ZERO : total.minusOrZero(paidAfter);
        PaymentStatus statusAfter = status == OrderStatus.CANCELLED ? cancelledStatus(refundDueAfter, true, keptOnCancellation(paidAfter))
                : liveStatus(paidAfter, remainderAfter, refundDueAfter);
        // the part nobody here asked for (made in the gateway's dashboard) still needs its refund receipt
        Money unasked = amount.minusOrZero(settles);
        apply(new GatewayRefundRecorded(orderId, refundId, paymentId, amount, clock.instant(), refundDueAfter, statusAfter,
                paidAfter, remainderAfter, unasked.isPositive() ? unasked : null,
                unasked.isPositive() ? refundReceipt(paymentId, paidThroughGateway, unasked) : null));
        return version();
    }

    /** A refund the gateway refused stays owed: staff now return it at the desk, and the order shows why. */
    @CommandHandler
    public long handle(RecordGatewayRefundFailed command, Clock clock) {
        String requestId = Check.text(command.refundRequestId(), "refundRequestId", "запрос возврата", 300);
        if (failedRefundRequests.contains(requestId)) {
            return version();
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        String paymentId = command.gatewayPaymentId();
        // still owed (refunds the gateway made meanwhile are recorded already) and still refundable: ask again for that
        Money owed = amount.isGreaterThan(refundDue.minusOrZero(deskRefundDue)) ? refundDue.minusOrZero(deskRefundDue) : amount;
        Money refundable = gatewayPayments.getOrDefault(paymentId, Money.ZERO)
                .minusOrZero(gatewayRefunded.getOrDefault(paymentId, Money.ZERO));
        Money candidate = owed.isGreaterThan(refundable) ? refundable : owed;
        // asking again for the same amount would meet the same refusal: only a smaller, corrected amount is asked again
        Money retried = candidate.isLessThan(amount) ? candidate : Money.ZERO;
        Money deskDueAfter = deskRefundDue.plus(owed.minusOrZero(retried));
        apply(new GatewayRefundFailed(orderId, requestId, paymentId, amount,
                Check.optionalText(command.reason(), "reason", "причина", MAX_REASON), clock.instant(), deskDueAfter, retried,
                retried.isPositive() ? refundReceipt(paymentId, gatewayPayments.getOrDefault(paymentId, Money.ZERO), retried) : null));
        return version();
    }

    @CommandHandler
    public long handle(ExpireOnlinePayment command, SpaceHolds space, Clock clock) {
        if (status != OrderStatus.AWAITING_PAYMENT || !pendingCaptures.isEmpty()) {
            return version(); // paid, or being captured, before the deadline: nothing to cancel
        }
        cancel(EXPIRED_REASON, Actor.system(Channel.DEADLINE), paid, space, clock);
        return version();
    }

    /**
     * Cancels, owing back {@code refund} of what was paid on top of anything already owed: gateway money through the
     * gateway first (each gateway payment for what was not asked back yet), the rest at the desk.
     */
    private void cancel(String reason, Actor by, Money refund, SpaceHolds space, Clock clock) {
        space.release(orderId); // the places are free the moment the cancellation commits, with it
        List<GatewayRefundDue> gatewayRefunds = gatewayRefundsOf(refund);
        Money left = refund.minusOrZero(gatewayRefunds.stream().map(GatewayRefundDue::amount).reduce(Money.ZERO, Money::plus));
        Money refundDueAfter = refundDue.plus(refund);
        Money kept = paid.minusOrZero(refund);
        apply(new OrderCancelled(orderId, reason, by, clock.instant(), refundDueAfter, deskRefundDue.plus(left), gatewayRefunds,
                cancelledStatus(refundDueAfter, refundedAny, kept), refund));
    }

    /**
     * A guest acts on their booking ({@code verb}: «отменить», «перенести») only until the service's cancellation
     * cut-off before its start; later it is the manager's ({@code cancellation-window-closed}, saying until when).
     */
    private void requireBeforeGuestCutoff(Catalog.Service service, Clock clock, String verb) {
        Instant cutoff = rentalStart.minus(service.guestCancellationCutoff());
        if (!clock.instant().isBefore(cutoff)) {
            throw new RejectedException(ErrorCode.CANCELLATION_WINDOW_CLOSED, Character.toUpperCase(verb.charAt(0)) + verb.substring(1)
                    + " бронирование самостоятельно можно было до " + CUTOFF_TEXT.format(cutoff.atZone(zone)) + ". Чтобы " + verb
                    + " его сейчас, свяжитесь с менеджером.");
        }
    }

    /** The service an order is of: the catalog keeps every service it ever offered (a removed one is a set-up error). */
    private static Catalog.Service serviceOf(Catalog catalog, String serviceId) {
        return catalog.service(serviceId).orElseThrow(
                () -> new IllegalStateException("Service " + serviceId + " is no longer in the catalog"));
    }

    /**
     * How {@code refund} goes back: through the gateway first, each gateway payment for what was not asked back yet
     * (with its refund receipt); what is left of it is returned at the desk.
     */
    private List<GatewayRefundDue> gatewayRefundsOf(Money refund) {
        List<GatewayRefundDue> gatewayRefunds = new ArrayList<>();
        Money left = refund;
        for (Map.Entry<String, Money> payment : gatewayPayments.entrySet()) {
            Money available = payment.getValue().minusOrZero(gatewayRefundAsked.getOrDefault(payment.getKey(), Money.ZERO));
            Money take = available.isGreaterThan(left) ? left : available;
            if (take.isPositive()) {
                gatewayRefunds.add(new GatewayRefundDue(payment.getKey(), take,
                        refundReceipt(payment.getKey(), payment.getValue(), take)));
                left = left.minusOrZero(take);
            }
        }
        return gatewayRefunds;
    }

    /**
     * Refuses with {@code no-capacity} when {@code outcome} (of taking or moving the order's places) found hours full:
     * the first full hour named in the service's zone, every full hour in {@code conflicts}.
     */
    private static void requirePlaces(Catalog.Service service, SpaceHolds.Outcome outcome) {
        if (outcome instanceof SpaceHolds.Outcome.Full full) {
            ZoneId zone = service.timeZone();
            List<Rejection.Conflict> conflicts = full.hours().stream().map(hour -> new Rejection.Conflict(
                    ISO.format(hour.atZone(zone)), ISO.format(hour.plusSeconds(3600).atZone(zone)))).toList();
            java.time.ZonedDateTime first = full.hours().get(0).atZone(zone);
            String more = full.hours().size() > 1 ? " (и ещё " + (full.hours().size() - 1) + " ч. периода)" : "";
            throw new RejectedException(new Rejection(ErrorCode.NO_CAPACITY, "«" + service.name() + "»: на "
                    + FULL_HOUR.format(first) + "–" + FULL_HOUR_END.format(first.plusHours(1)) + " (время местное) свободных мест нет"
                    + more + ". Выберите другое время.", "rentalPeriod", conflicts));
        }
    }

    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final java.time.format.DateTimeFormatter FULL_HOUR = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final java.time.format.DateTimeFormatter FULL_HOUR_END = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    /**
     * How much of {@code offered} an order may count when {@code open} is still to pay: all of it up to the
     * remainder, but never so much that between 0 and the minimum would be left — then as much as leaves the minimum.
     */
    static Money acceptable(Money open, Money offered, Money minimum) {
        if (!offered.isLessThan(open)) {
            return open;
        }
        if (!open.minusOrZero(offered).isLessThan(minimum)) {
            return offered;
        }
        return open.minusOrZero(minimum);
    }

    /** A repeat of a desk payment or refund id: true when it says the same, a conflict when it does not. */
    private static boolean isRepeat(Map<String, DeskMoney> known, String id, Money amount, PaymentMethod method, String what) {
        DeskMoney before = known.get(id);
        if (before == null) {
            return false;
        }
        if (before.amount().equals(amount) && before.method() == method) {
            return true;
        }
        throw new RejectedException(ErrorCode.PAYMENT_ID_CONFLICT, what + " " + id + " уже проведён на "
                + before.amount().toRussianTextWithKopecks() + " (" + before.method().label() + "). Повтор с другими данными не принят.");
    }

    private static String paymentDescription(OrderNumber number, boolean whole) {
        return "Заказ " + number.value() + (whole ? ": оплата" : ": предоплата");
    }

    // --- fiscal receipts ---

    /**
     * What the cash register learns of one of the order's receipts (the payment saga reports the gateway's answers).
     * Recorded when its state changes; a registered receipt stays registered, and no final state goes back to pending.
     */
    @CommandHandler
    public long handle(RecordReceipt command, Clock clock) {
        String key = Check.text(command.receiptKey(), "receiptKey", "чек", 200);
        ReceiptStatus state = Check.present(command.status(), "status", "состояние чека");
        ReceiptKind kind = Check.present(command.kind(), "kind", "вид чека");
        ReceiptStatus before = receiptStates.get(key);
        if (before == state || before == ReceiptStatus.SUCCEEDED || before != null && before.isFinal() && !state.isFinal()) {
            return version();
        }
        apply(new ReceiptRecorded(orderId, key, kind, state, command.receiptId(), command.paymentId(), command.refundId(),
                command.amount(), command.receipt(), command.settlements() == null ? List.of() : List.copyOf(command.settlements()),
                Check.optionalText(command.reason(), "reason", "причина", MAX_REASON), command.fiscalDocumentNumber(),
                command.fiscalStorageNumber(), command.fiscalAttribute(), clock.instant()));
        return version();
    }

    /**
     * The service is rendered: if money was taken online in advance with a receipt, the settlement receipt is due —
     * once per order, for what of those prepayments the order keeps (and, if the desk's payments go through the same
     * register, for what was paid at the desk). A cancelled order settles nothing: its money goes back.
     */
    @CommandHandler
    public long handle(RequestSettlementReceipt command, Catalog catalog, Clock clock) {
        // a cancelled order settles what it keeps of its prepayments (a partial refund by policy or by staff): money kept
        // needs its receipt as much as a service rendered
        if (settlementDue || prepaidWithReceipt.isEmpty()) {
            return version();
        }
        Money prepaid = Money.ZERO;
        for (String paymentId : prepaidWithReceipt) {
            Money kept = gatewayPayments.getOrDefault(paymentId, Money.ZERO)
                    .minusOrZero(max(gatewayRefundAsked.getOrDefault(paymentId, Money.ZERO), gatewayRefunded.getOrDefault(paymentId, Money.ZERO)));
            prepaid = prepaid.plus(kept);
        }
        List<OrderLine> receiptLines = receiptLines(catalog);
        if (!prepaid.isPositive() || receiptLines == null) {
            return version();
        }
        prepaid = min(prepaid, total);
        List<Settlement> settlements = new ArrayList<>();
        settlements.add(new Settlement(SettlementType.PREPAYMENT, prepaid));
        Money covered = prepaid;
        // desk money counts once it is final: not while some of it is still to be returned at the desk
        if (command.deskPaymentsInRegister() && !(status == OrderStatus.CANCELLED && deskRefundDue.isPositive())) {
            for (SettlementType type : List.of(SettlementType.CASHLESS, SettlementType.CASH)) {
                Money desk = min(deskNet(type == SettlementType.CASH), total.minusOrZero(covered));
                if (desk.isPositive()) {
                    settlements.add(new Settlement(type, desk));
                    covered = covered.plus(desk);
                }
            }
        }
        apply(new SettlementReceiptDue(orderId, "settlement:" + orderId, prepaidWithReceipt.iterator().next(),
                Receipt.of(customer, receiptLines, covered, PaymentMode.FULL_PAYMENT), settlements, clock.instant()));
        return version();
    }

    /** Paid at the desk in cash (or not in cash), less what went back the same way. */
    private Money deskNet(boolean cash) {
        Money in = deskPayments.values().stream().filter(money -> (money.method() == PaymentMethod.CASH) == cash)
                .map(DeskMoney::amount).reduce(Money.ZERO, Money::plus);
        Money out = deskRefunds.values().stream().filter(money -> (money.method() == PaymentMethod.CASH) == cash)
                .map(DeskMoney::amount).reduce(Money.ZERO, Money::plus);
        return in.minusOrZero(out);
    }

    /**
     * The order's lines with the VAT code each needs on a receipt: as placed, or — for orders placed before receipts —
     * the tariff's in today's catalog; null when there is none (no receipt can be made).
     */
    private List<OrderLine> receiptLines(Catalog catalog) {
        if (lines.stream().allMatch(line -> line.vatCode() != null)) {
            return lines.isEmpty() ? null : lines;
        }
        Catalog.Tariff tariff = catalog == null ? null : catalog.service(serviceId).map(s -> s.tariffs().get(tariffId)).orElse(null);
        if (tariff == null || tariff.vatCode() == null) {
            return null;
        }
        return lines.stream().map(line -> line.vatCode() != null ? line : line.withVat(tariff.vatCode(), tariff.paymentSubject())).toList();
    }

    /** The receipt of {@code amount} asked for online at {@code at}: prepayment before the rental, payment from its start. */
    private Receipt receiptFor(Money amount, Instant at, Catalog catalog) {
        List<OrderLine> receiptLines = receiptLines(catalog);
        if (receiptLines == null || customer == null || !amount.isPositive() || amount.isGreaterThan(total)) {
            return null;
        }
        return Receipt.of(customer, receiptLines, amount, PaymentMode.of(at, rentalStart, amount, total));
    }

    /** The receipt of a gateway payment, for {@code amount} of it (null when it was made without one). */
    private Receipt paymentReceipt(String paymentId, Money amount) {
        Receipt receipt = paymentReceipts.get(paymentId);
        if (receipt == null || !amount.isPositive() || amount.isGreaterThan(receipt.total())) {
            return null;
        }
        return receipt.scaledTo(amount);
    }

    /** The refund receipt of {@code refunded} of a gateway payment of {@code taken}: the payment's positions and modes. */
    private Receipt refundReceipt(String paymentId, Money taken, Money refunded) {
        Receipt payment = paymentReceipt(paymentId, taken);
        return payment == null || !refunded.isPositive() || refunded.isGreaterThan(taken) ? null : payment.scaledTo(refunded);
    }

    private static Money max(Money a, Money b) {
        return a.isLessThan(b) ? b : a;
    }

    private static Money min(Money a, Money b) {
        return a.isGreaterThan(b) ? b : a;
    }

    @EventSourcingHandler
    void on(ReceiptRecorded event) {
        receiptStates.put(event.receiptKey(), event.status());
        if (event.kind() == ReceiptKind.PAYMENT && event.paymentId() != null && event.receipt() != null
                && event.receipt().mode() != null && event.receipt().mode().isPrepayment()) {
            if (event.status().isFailure()) {
                prepaidWithReceipt.remove(event.paymentId());
            } else {
                prepaidWithReceipt.add(event.paymentId());
            }
        }
    }

    @EventSourcingHandler
    void on(SettlementReceiptDue event) {
        settlementDue = true;
    }

    // --- decisions shared by the handlers ---

    private Money remainder() {
        return status == OrderStatus.CANCELLED ? Money.ZERO : total.minusOrZero(paid);
    }

    private Money reserved() {
        return pendingCaptures.values().stream().reduce(Money.ZERO, Money::plus);
    }

    /** What may still be paid: the remainder less online payments being captured. */
    private Money openToPay() {
        return remainder().minusOrZero(reserved());
    }

    private void confirmIfPaidEnough(Actor by, Clock clock) {
        if (status == OrderStatus.AWAITING_PAYMENT && !paid.isLessThan(prepaymentDue)) {
            apply(new OrderConfirmed(orderId, by, clock.instant()));
        }
    }

    /**
     * A guest reaches only their own order, staff only the orders of services they are responsible for; to anyone
     * else the order does not exist.
     */
    private void requireAccess(Actor actor, Catalog catalog) {
        if (actor == null) {
            return;
        }
        if (actor.isGuest() ? !actor.id().equals(guestId) : !catalog.reachOf(actor).covers(serviceId)) {
            throw RejectedException.notFound();
        }
    }

    private void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(actual)) {
            throw new RejectedException(ErrorCode.VERSION_MISMATCH,
                    "Заказ изменился (версия " + actual + ", у вас " + expected + "). Обновите страницу и повторите.");
        }
    }

    private void requireNotFinal(String action) {
        if (status == OrderStatus.CANCELLED) {
            throw new RejectedException(ErrorCode.ORDER_FINAL, action + ": заказ отменён.");
        }
        if (status == OrderStatus.COMPLETED) {
            throw new RejectedException(ErrorCode.ORDER_FINAL, action + ": заказ выполнен.");
        }
    }

    private static PaymentStatus liveStatus(Money paidAfter, Money remainderAfter) {
        if (remainderAfter.isZero()) {
            return PaymentStatus.PAID;
        }
        return paidAfter.isZero() ? PaymentStatus.UNPAID : PaymentStatus.PARTIALLY_PAID;
    }

    private static PaymentStatus liveStatus(Money paidAfter, Money remainderAfter, Money refundDueAfter) {
        return refundDueAfter.isPositive() ? PaymentStatus.REFUND_PENDING : liveStatus(paidAfter, remainderAfter);
    }

    /** A cancelled order's payment status: owed back, all of it returned, part of it returned and part kept, or kept. */
    private static PaymentStatus cancelledStatus(Money refundDueAfter, boolean refundedAny, Money kept) {
        if (refundDueAfter.isPositive()) {
            return PaymentStatus.REFUND_PENDING;
        }
        if (refundedAny) {
            return kept.isPositive() ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.REFUNDED;
        }
        return kept.isPositive() ? PaymentStatus.PARTIALLY_PAID : PaymentStatus.UNPAID;
    }

    /** What a cancelled order keeps of {@code paidNow}: all but what its cancellation decided to return. */
    private Money keptOnCancellation(Money paidNow) {
        return paidNow.minusOrZero(refundDecided);
    }

    /** The sequence number of the last event: what clients see as the order's version (ETag). */
    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    // --- state from events ---

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        status = event.status();
        serviceId = event.service().id();
        zone = ZoneId.of(event.service().timeZone());
        total = event.total();
        prepaymentDue = event.prepaymentDue();
        minimumRemainder = event.minimumRemainder();
        rentalStart = event.rentalPeriod().start();
        rentalEnd = event.rentalPeriod().end();
        guestId = event.guestId();
        number = event.number();
        tariffId = event.tariff() == null ? null : event.tariff().id();
        lines = event.lines() == null ? List.of() : event.lines();
        customer = event.visitor() == null ? null : ReceiptCustomer.of(event.visitor());
        visitorPhone = event.visitor() == null || event.visitor().phone() == null ? null : event.visitor().phone().digits();
        if (event.visitorEmailUnconfirmed()) {
            unconfirmedEmail = event.visitor().email();
            // the receipt goes to the phone until the address is confirmed
            customer = visitorPhone == null ? customer : new ReceiptCustomer(customer.fullName(), null, visitorPhone);
        }
    }

    @EventSourcingHandler
    void on(OnlinePaymentRequested event) {
        onlineRequestIds.add(event.requestId());
        openOnlineRequests.put(event.requestId(), null);
        if (event.receipt() != null) {
            requestReceipts.put(event.requestId(), event.receipt());
        }
    }

    @EventSourcingHandler
    void on(GatewayPaymentCreated event) {
        openOnlineRequests.put(event.requestId(), event.gatewayPaymentId());
        Receipt receipt = requestReceipts.get(event.requestId());
        if (receipt != null) {
            paymentReceipts.put(event.gatewayPaymentId(), receipt);
        }
    }

    @EventSourcingHandler
    void on(GatewayPaymentAuthorized event) {
        decidedAuthorizations.add(event.paymentId());
        openOnlineRequests.values().removeIf(event.paymentId()::equals);
        if (event.toCapture().isPositive()) {
            pendingCaptures.put(event.paymentId(), event.toCapture());
        }
        if (event.receipt() != null) {
            paymentReceipts.put(event.paymentId(), event.receipt());
        }
    }

    @EventSourcingHandler
    void on(GatewayPaymentCanceled event) {
        canceledGatewayPayments.add(event.gatewayPaymentId());
        pendingCaptures.remove(event.gatewayPaymentId());
        openOnlineRequests.values().removeIf(event.gatewayPaymentId()::equals);
    }

    @EventSourcingHandler
    void on(GatewayPaymentRecorded event) {
        gatewayPayments.put(event.paymentId(), event.amount());
        pendingCaptures.remove(event.paymentId());
        openOnlineRequests.values().removeIf(event.paymentId()::equals);
        if (event.owedBack().isPositive()) {
            gatewayRefundAsked.merge(event.paymentId(), event.owedBack(), Money::plus);
        }
        // counted = amount less owed back (events stored before the 50 ₽ rule held here said paidAfter gross)
        paid = paid.plus(event.amount()).minusOrZero(event.owedBack());
        refundDue = event.refundDueAfter();
    }

    @EventSourcingHandler
    void on(GatewayRefundRecorded event) {
        gatewayRefundIds.add(event.gatewayRefundId());
        Money refunded = gatewayRefunded.merge(event.gatewayPaymentId(), event.amount(), Money::plus);
        if (refunded.isGreaterThan(gatewayRefundAsked.getOrDefault(event.gatewayPaymentId(), Money.ZERO))) {
            gatewayRefundAsked.put(event.gatewayPaymentId(), refunded);
        }
        refundDue = event.refundDueAfter();
        deskRefundDue = deskRefundDue.isGreaterThan(refundDue) ? refundDue : deskRefundDue;
        if (event.paidAfter() != null) {
            paid = event.paidAfter();
        }
        refundedAny = true;
    }

    @EventSourcingHandler
    void on(GatewayRefundFailed event) {
        failedRefundRequests.add(event.refundRequestId());
        Money retried = event.retried() == null ? Money.ZERO : event.retried();
        Money asked = gatewayRefundAsked.getOrDefault(event.paymentId(), Money.ZERO).minusOrZero(event.amount()).plus(retried);
        Money refunded = gatewayRefunded.getOrDefault(event.paymentId(), Money.ZERO);
        gatewayRefundAsked.put(event.paymentId(), asked.isLessThan(refunded) ? refunded : asked);
        deskRefundDue = event.deskRefundDueAfter();
    }

    @EventSourcingHandler
    void on(ExecutorAssigned event) {
        executorId = event.executorId();
        executorName = event.executorName();
    }

    @EventSourcingHandler
    void on(ExecutorUnassigned event) {
        executorId = null;
        executorName = null;
    }

    @EventSourcingHandler
    void on(ManagerPaymentRecorded event) {
        deskPayments.put(event.paymentId(), new DeskMoney(event.amount(), event.method()));
        paid = event.paidAfter();
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        // orders cancelled before the decision was recorded returned what was then owed back
        refundDecided = event.refundDecided() != null ? event.refundDecided() : event.refundDue().minusOrZero(refundDue);
        status = OrderStatus.CANCELLED;
        openOnlineRequests.clear();
        refundDue = event.refundDue();
        deskRefundDue = event.deskRefundDue();
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            gatewayRefundAsked.merge(due.paymentId(), due.amount(), Money::plus);
        }
    }

    @EventSourcingHandler
    void on(OrderRescheduled event) {
        rentalStart = event.to().start();
        rentalEnd = event.to().end();
        lines = event.lines();
        total = event.total();
        paid = event.paidAfter();
        refundDue = event.refundDueAfter();
        deskRefundDue = event.deskRefundDueAfter();
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            gatewayRefundAsked.merge(due.paymentId(), due.amount(), Money::plus);
        }
    }

    @EventSourcingHandler
    void on(DeskRefundRecorded event) {
        deskRefunds.put(event.refundId(), new DeskMoney(event.amount(), event.method()));
        refundDue = event.refundDueAfter();
        deskRefundDue = deskRefundDue.minusOrZero(event.amount());
        refundedAny = true;
    }

    @EventSourcingHandler
    void on(MessagePosted event) {
        messageIds.add(event.messageId());
    }

    /** What became of a mail about the order (the notifications worker reports it); a repeat records nothing. */
    @CommandHandler
    public long handle(com.orderdesk.shared.order.command.RecordGuestMail command, Clock clock) {
        String mailId = Check.text(command.mailId(), "mailId", "письмо", 200);
        if (mailIds.contains(mailId)) {
            return version();
        }
        String kind = Check.text(command.kind(), "kind", "вид письма", 50);
        String subject = Check.text(command.subject(), "subject", "тема письма", 300);
        if (command.failure() == null) {
            apply(new com.orderdesk.shared.order.event.GuestMailSent(orderId, mailId, kind, subject, clock.instant()));
        } else {
            apply(new com.orderdesk.shared.order.event.GuestMailFailed(orderId, mailId, kind, subject,
                    Check.text(command.failure(), "failure", "причина", MAX_REASON), command.attempts(), clock.instant()));
        }
        return version();
    }

    /** Someone at the visitor's unconfirmed e-mail confirmed it by the link sent there; once is enough. */
    @CommandHandler
    public long handle(ConfirmVisitorEmail command, Clock clock) {
        String email = EmailAddress.optional(command.email(), "email");
        if (unconfirmedEmail == null || !EmailAddress.same(unconfirmedEmail, email)) {
            return version(); // confirmed already, or not this order's address: nothing to confirm
        }
        apply(new VisitorEmailConfirmed(orderId, unconfirmedEmail, clock.instant()));
        return version();
    }

    @EventSourcingHandler
    void on(VisitorEmailConfirmed event) {
        unconfirmedEmail = null;
        customer = new ReceiptCustomer(customer.fullName(), event.email(), null);
    }

    /** The guest turned e-mails off from a mail about this order; once is enough. */
    @CommandHandler
    public long handle(com.orderdesk.shared.order.command.StopGuestMail command, Clock clock) {
        String email = EmailAddress.optional(command.email(), "email");
        if (!mailStopped && email != null) {
            apply(new com.orderdesk.shared.order.event.GuestMailStopped(orderId, email, clock.instant()));
        }
        return version();
    }

    @EventSourcingHandler
    void on(com.orderdesk.shared.order.event.GuestMailSent event) {
        mailIds.add(event.mailId());
    }

    @EventSourcingHandler
    void on(com.orderdesk.shared.order.event.GuestMailFailed event) {
        mailIds.add(event.mailId());
    }

    @EventSourcingHandler
    void on(com.orderdesk.shared.order.event.GuestMailStopped event) {
        mailStopped = true;
    }

    @EventSourcingHandler
    void on(OrderCompleted event) {
        status = OrderStatus.COMPLETED;
    }
}
