package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.command.AssignExecutor;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCanceled;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCreated;
import com.orderdesk.shared.order.command.RecordGatewayRefund;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.CompleteOrder;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.order.command.RecordDeskRefund;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.command.UnassignExecutor;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
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
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
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
@Aggregate
public class Order {
    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_REASON = 1000;
    public static final int MAX_NOTE = 500;
    public static final int MAX_TICKET = 32;
    public static final String EXPIRED_REASON = "Истек срок оплаты";

    @AggregateIdentifier
    private String orderId;
    private OrderStatus status;
    private Money total;
    private Money prepaymentDue;
    private Money minimumRemainder;
    private Instant rentalEnd;
    /** The guest account that owns the order, if any: the only guest who may see or act on it. */
    private String guestId;
    private String executorId;
    private String executorName;
    /** Everything received, gross. */
    private Money paid = Money.ZERO;
    private Money deskPaid = Money.ZERO;
    private final Map<String, Money> gatewayPayments = new LinkedHashMap<>();
    /** Owed back to the guest and not yet returned. */
    private Money refundDue = Money.ZERO;
    private Money deskRefundDue = Money.ZERO;
    private boolean refundedAny;
    private final Set<String> paymentIds = new HashSet<>();
    /** Gateway refunds recorded per gateway payment. */
    private final Map<String, Money> gatewayRefunded = new LinkedHashMap<>();
    private OrderNumber number;
    /** The online payment asked for and not yet paid or canceled: request id → gateway payment id (null until created). */
    private final Map<String, String> openOnlineRequests = new LinkedHashMap<>();
    private final Set<String> onlineRequestIds = new HashSet<>();
    private final Set<String> canceledGatewayPayments = new HashSet<>();
    private final Set<String> refundIds = new HashSet<>();
    private final Set<String> messageIds = new HashSet<>();

    protected Order() {
        // for Axon
    }

    @CommandHandler
    public Order(PlaceOrder command, Catalog catalog, OrderNumbers numbers) {
        Actor by = Check.present(command.placedBy(), "placedBy", "кто оформляет заказ");
        Check.present(command.rentalPeriod(), "rentalPeriod", "период аренды");
        Check.present(command.visitor(), "visitor", "посетитель");
        Check.present(command.applicant(), "applicant", "заявитель");
        Check.present(command.paymentPlan(), "paymentPlan", "способ оплаты (FULL или PARTIAL)");
        String ticket = Check.optionalText(command.ticketNumber(), "ticketNumber", "номер билета", MAX_TICKET);
        Instant now = now();
        boolean online = by.channel() == Channel.GUEST_APP;
        if (online && !command.rentalPeriod().end().isAfter(now)) {
            throw new InvalidValueException("rentalPeriod", "Период аренды уже прошёл.");
        }
        Catalog.Pricing pricing = catalog.price(command.serviceId(), command.tariffId(), command.rentalPeriod(), command.paymentPlan());
        Money dueOnline = online ? pricing.dueOnline() : Money.ZERO;
        OrderStatus initial = dueOnline.isPositive() ? OrderStatus.AWAITING_PAYMENT : OrderStatus.CONFIRMED;
        PaymentStatus paymentStatus = pricing.total().isZero() ? PaymentStatus.PAID : PaymentStatus.UNPAID;
        String guestId = by.isGuest() ? by.id() : Check.optionalText(command.guestId(), "guestId", "гость", 200);
        OrderNumber number = numbers.allocate(command.orderId());
        apply(new OrderPlaced(command.orderId(), number, now, by, guestId, pricing.service(), pricing.tariff(),
                pricing.lines(), command.rentalPeriod(), ticket, command.visitor(), command.applicant(),
                command.paymentPlan(), pricing.total(), dueOnline, pricing.minimumRemainder(),
                command.rentalPeriod().start().atZone(pricing.zone()).toLocalDate(), initial, paymentStatus));
        if (dueOnline.isPositive()) {
            apply(new OnlinePaymentRequested(command.orderId(), number.value(), command.orderId() + ":prepayment", dueOnline,
                    paymentDescription(number, dueOnline.equals(pricing.total())), true, by, now));
        }
    }

    @CommandHandler
    public long handle(AssignExecutor command) {
        requireAccess(command.by());
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя сменить исполнителя");
        String id = Check.text(command.executorId(), "executorId", "исполнитель", 200);
        String name = Check.text(command.executorName(), "executorName", "имя исполнителя", 200);
        if (id.equals(executorId) && name.equals(executorName)) {
            return version();
        }
        apply(new ExecutorAssigned(orderId, id, name, executorId, executorName, command.by(), now()));
        return version();
    }

    @CommandHandler
    public long handle(UnassignExecutor command) {
        requireAccess(command.by());
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя сменить исполнителя");
        if (executorId == null) {
            return version();
        }
        apply(new ExecutorUnassigned(orderId, executorId, executorName, command.by(), now()));
        return version();
    }

    @CommandHandler
    public long handle(RecordManagerPayment command) {
        requireAccess(command.by());
        String paymentId = Check.text(command.paymentId(), "paymentId", "идентификатор платежа", 200);
        if (paymentIds.contains(paymentId)) {
            return version(); // the same payment again: recorded once
        }
        requireVersion(command.expectedVersion());
        requireNotFinal("Оплата невозможна");
        PaymentMethod method = Check.present(command.method(), "method", "способ оплаты");
        if (!method.isDesk()) {
            throw new InvalidValueException("method", "Способ оплаты менеджером: CASH, CARD_TERMINAL или BANK_TRANSFER.");
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "Сумма оплаты должна быть больше нуля.");
        }
        Money remainder = remainder();
        if (remainder.isZero()) {
            throw new RejectedException(ErrorCode.ORDER_NOT_PAYABLE, "Заказ уже оплачен полностью.");
        }
        if (amount.isGreaterThan(remainder)) {
            throw new RejectedException(ErrorCode.AMOUNT_EXCEEDS_REMAINDER,
                    "Сумма " + amount.toRussianText() + " больше остатка к оплате " + remainder.toRussianText() + ".");
        }
        Money after = remainder.minusOrZero(amount);
        if (after.isPositive() && after.isLessThan(minimumRemainder)) {
            Money largestPartial = remainder.minusOrZero(minimumRemainder);
            throw new RejectedException(ErrorCode.REMAINDER_BELOW_MINIMUM,
                    "Остаток к оплате не должен быть менее " + minimumRemainder.toRussianText()
                            + ": после оплаты осталось бы " + after.toRussianText() + ". Внесите весь остаток "
                            + remainder.toRussianText()
                            + (largestPartial.isPositive() ? " или не более " + largestPartial.toRussianText() : "") + ".");
        }
        String note = Check.optionalText(command.note(), "note", "комментарий", MAX_NOTE);
        Money paidAfter = paid.plus(amount);
        apply(new ManagerPaymentRecorded(orderId, paymentId, amount, method, note, command.by(), now(),
                paidAfter, after, liveStatus(paidAfter, after)));
        confirmIfPaidEnough(command.by());
        return version();
    }

    @CommandHandler
    public long handle(RecordGatewayPayment command) {
        String paymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        if (paymentIds.contains(paymentId)) {
            return version();
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "Сумма оплаты должна быть больше нуля.");
        }
        // Money the gateway already took is never refused: what the order cannot use is owed back.
        Money remainder = remainder();
        Money owedBack = status == OrderStatus.CANCELLED ? amount : amount.minusOrZero(remainder);
        Money paidAfter = paid.plus(amount);
        Money remainderAfter = remainder.minusOrZero(amount);
        Money refundDueAfter = refundDue.plus(owedBack);
        PaymentStatus statusAfter = status == OrderStatus.CANCELLED
                ? cancelledStatus(refundDueAfter, refundedAny)
                : liveStatus(paidAfter, remainderAfter);
        Instant at = command.paidAt() == null ? now() : command.paidAt();
        apply(new GatewayPaymentRecorded(orderId, paymentId, amount,
                command.method() == null ? PaymentMethod.BANK_CARD : command.method(), command.by(), at,
                paidAfter, remainderAfter, refundDueAfter, statusAfter, owedBack));
        confirmIfPaidEnough(command.by());
        return version();
    }

    @CommandHandler
    public long handle(CancelOrder command) {
        requireAccess(command.by());
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя отменить заказ");
        String reason = Check.text(command.reason(), "reason", "причина отмены", MAX_REASON);
        cancel(reason, command.by());
        return version();
    }

    @CommandHandler
    public long handle(RecordDeskRefund command) {
        requireAccess(command.by());
        String refundId = Check.text(command.refundId(), "refundId", "идентификатор возврата", 200);
        if (refundIds.contains(refundId)) {
            return version();
        }
        requireVersion(command.expectedVersion());
        if (deskRefundDue.isZero()) {
            throw new RejectedException(ErrorCode.NOTHING_TO_REFUND, "По заказу нет суммы к возврату на месте.");
        }
        PaymentMethod method = Check.present(command.method(), "method", "способ возврата");
        if (!method.isDesk()) {
            throw new InvalidValueException("method", "Способ возврата: CASH, CARD_TERMINAL или BANK_TRANSFER.");
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "Сумма возврата должна быть больше нуля.");
        }
        if (amount.isGreaterThan(deskRefundDue)) {
            throw new RejectedException(ErrorCode.AMOUNT_EXCEEDS_REFUND_DUE,
                    "Сумма " + amount.toRussianText() + " больше суммы к возврату " + deskRefundDue.toRussianText() + ".");
        }
        Money refundDueAfter = refundDue.minusOrZero(amount);
        apply(new DeskRefundRecorded(orderId, refundId, amount, method, command.by(), now(), refundDueAfter,
                cancelledStatus(refundDueAfter, true)));
        return version();
    }

    @CommandHandler
    public long handle(PostMessage command) {
        requireAccess(command.author());
        String messageId = Check.text(command.messageId(), "messageId", "идентификатор сообщения", 200);
        if (messageIds.contains(messageId)) {
            return version();
        }
        requireVersion(command.expectedVersion());
        Visibility visibility = Check.present(command.visibility(), "visibility", "видимость (PUBLIC или INTERNAL)");
        Actor author = Check.present(command.author(), "author", "автор");
        if (author.isGuest() && visibility == Visibility.INTERNAL) {
            throw new RejectedException(ErrorCode.FORBIDDEN, "Гость может писать только публичные сообщения.");
        }
        String text = Check.text(command.text(), "text", "текст сообщения", MAX_MESSAGE);
        apply(new MessagePosted(orderId, messageId, visibility, text, author, now()));
        return version();
    }

    @CommandHandler
    public long handle(CompleteOrder command) {
        requireAccess(command.by());
        requireVersion(command.expectedVersion());
        requireNotFinal("Нельзя выполнить заказ");
        if (status != OrderStatus.CONFIRMED) {
            throw new RejectedException(ErrorCode.ORDER_NOT_CONFIRMED, "Выполнить можно только подтверждённый заказ.");
        }
        if (now().isBefore(rentalEnd)) {
            throw new RejectedException(ErrorCode.RENTAL_NOT_OVER, "Период аренды ещё не закончился.");
        }
        apply(new OrderCompleted(orderId, command.by(), now()));
        return version();
    }

    @CommandHandler
    public long handle(RequestOnlinePayment command) {
        requireAccess(command.by());
        String requestId = Check.text(command.requestId(), "requestId", "идентификатор запроса оплаты", 200);
        if (onlineRequestIds.contains(requestId) || !openOnlineRequests.isEmpty()) {
            return version(); // asked already: the open payment stands
        }
        requireNotFinal("Оплата невозможна");
        Money remainder = remainder();
        if (remainder.isZero()) {
            throw new RejectedException(ErrorCode.ORDER_NOT_PAYABLE, "Заказ уже оплачен полностью.");
        }
        // an order still waiting for its prepayment asks for what is missing of it; a confirmed one for the rest
        boolean awaiting = status == OrderStatus.AWAITING_PAYMENT;
        Money missingPrepayment = prepaymentDue.minusOrZero(paid);
        Money amount = awaiting && missingPrepayment.isPositive() ? missingPrepayment : remainder;
        apply(new OnlinePaymentRequested(orderId, number.value(), requestId, amount, paymentDescription(number, amount.equals(remainder)),
                awaiting, command.by(), now()));
        return version();
    }

    @CommandHandler
    public long handle(RecordGatewayPaymentCreated command) {
        String gatewayPaymentId = Check.text(command.gatewayPaymentId(), "gatewayPaymentId", "платёж шлюза", 200);
        if (!openOnlineRequests.containsKey(command.requestId()) || gatewayPaymentId.equals(openOnlineRequests.get(command.requestId()))) {
            return version();
        }
        apply(new GatewayPaymentCreated(orderId, command.requestId(), command.gatewayPaymentId(), command.confirmationUrl(), now()));
        return version();
    }

    @CommandHandler
    public long handle(RecordGatewayPaymentCanceled command) {
        String paymentId = command.gatewayPaymentId();
        if (paymentIds.contains(paymentId) || canceledGatewayPayments.contains(paymentId)) {
            return version();
        }
        apply(new GatewayPaymentCanceled(orderId, paymentId,
                Check.optionalText(command.reason(), "reason", "причина", MAX_REASON), now()));
        return version();
    }

    @CommandHandler
    public long handle(RecordGatewayRefund command) {
        String refundId = Check.text(command.gatewayRefundId(), "gatewayRefundId", "возврат шлюза", 200);
        if (refundIds.contains(refundId)) {
            return version();
        }
        Money paidThroughGateway = gatewayPayments.get(command.gatewayPaymentId());
        if (paidThroughGateway == null) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Платёж шлюза " + command.gatewayPaymentId() + " не относится к заказу.");
        }
        Money amount = Check.present(command.amount(), "amount", "сумма");
        Money refundedBefore = gatewayRefunded.getOrDefault(command.gatewayPaymentId(), Money.ZERO);
        if (!amount.isPositive() || refundedBefore.plus(amount).isGreaterThan(paidThroughGateway)) {
            throw new InvalidValueException("amount", "Возврат больше платежа шлюза.");
        }
        Money refundDueAfter = refundDue.minusOrZero(amount);
        PaymentStatus statusAfter = status == OrderStatus.CANCELLED ? cancelledStatus(refundDueAfter, true)
                : liveStatus(paid.minusOrZero(amount), remainder());
        apply(new GatewayRefundRecorded(orderId, refundId, command.gatewayPaymentId(), amount, now(), refundDueAfter, statusAfter));
        return version();
    }

    @CommandHandler
    public long handle(ExpireOnlinePayment command) {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            return version(); // paid (or settled otherwise) before the deadline: nothing to cancel
        }
        cancel(EXPIRED_REASON, Actor.system(Channel.DEADLINE));
        return version();
    }

    /** Everything received and not yet returned goes back: gateway payments through the gateway, the rest at the desk. */
    private void cancel(String reason, Actor by) {
        List<GatewayRefundDue> gatewayRefunds = new ArrayList<>();
        Money refundedThroughGateway = Money.ZERO;
        for (Map.Entry<String, Money> payment : gatewayPayments.entrySet()) {
            Money refunded = gatewayRefunded.getOrDefault(payment.getKey(), Money.ZERO);
            refundedThroughGateway = refundedThroughGateway.plus(refunded);
            Money left = payment.getValue().minusOrZero(refunded);
            if (left.isPositive()) {
                gatewayRefunds.add(new GatewayRefundDue(payment.getKey(), left));
            }
        }
        Money owed = paid.minusOrZero(refundedThroughGateway);
        apply(new OrderCancelled(orderId, reason, by, now(), owed, deskPaid, gatewayRefunds, cancelledStatus(owed, refundedAny)));
    }

    private static String paymentDescription(OrderNumber number, boolean whole) {
        return "Заказ " + number.value() + (whole ? ": оплата" : ": предоплата");
    }

    // --- decisions shared by the handlers ---

    private Money remainder() {
        return status == OrderStatus.CANCELLED ? Money.ZERO : total.minusOrZero(paid);
    }

    private void confirmIfPaidEnough(Actor by) {
        if (status == OrderStatus.AWAITING_PAYMENT && !paid.isLessThan(prepaymentDue)) {
            apply(new OrderConfirmed(orderId, by, now()));
        }
    }

    /** A guest reaches only their own order; to anyone else's it does not exist. */
    private void requireAccess(Actor actor) {
        if (actor != null && actor.isGuest() && !actor.id().equals(guestId)) {
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

    private static PaymentStatus cancelledStatus(Money refundDueAfter, boolean refundedAny) {
        if (refundDueAfter.isPositive()) {
            return PaymentStatus.REFUND_PENDING;
        }
        return refundedAny ? PaymentStatus.REFUNDED : PaymentStatus.UNPAID;
    }

    /** The sequence number of the last event: what clients see as the order's version (ETag). */
    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // --- state from events ---

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        status = event.status();
        total = event.total();
        prepaymentDue = event.prepaymentDue();
        minimumRemainder = event.minimumRemainder();
        rentalEnd = event.rentalPeriod().end();
        guestId = event.guestId();
        number = event.number();
    }

    @EventSourcingHandler
    void on(OnlinePaymentRequested event) {
        onlineRequestIds.add(event.requestId());
        openOnlineRequests.put(event.requestId(), null);
    }

    @EventSourcingHandler
    void on(GatewayPaymentCreated event) {
        openOnlineRequests.put(event.requestId(), event.gatewayPaymentId());
    }

    @EventSourcingHandler
    void on(GatewayPaymentCanceled event) {
        canceledGatewayPayments.add(event.gatewayPaymentId());
        openOnlineRequests.values().removeIf(event.gatewayPaymentId()::equals);
    }

    @EventSourcingHandler
    void on(GatewayRefundRecorded event) {
        refundIds.add(event.gatewayRefundId());
        gatewayRefunded.merge(event.gatewayPaymentId(), event.amount(), Money::plus);
        refundDue = event.refundDueAfter();
        refundedAny = true;
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
        paymentIds.add(event.paymentId());
        paid = event.paidAfter();
        deskPaid = deskPaid.plus(event.amount());
    }

    @EventSourcingHandler
    void on(GatewayPaymentRecorded event) {
        paymentIds.add(event.paymentId());
        openOnlineRequests.values().removeIf(event.paymentId()::equals);
        paid = event.paidAfter();
        refundDue = event.refundDueAfter();
        gatewayPayments.put(event.paymentId(), event.amount());
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
        openOnlineRequests.clear();
        refundDue = event.refundDue();
        deskRefundDue = event.deskRefundDue();
    }

    @EventSourcingHandler
    void on(DeskRefundRecorded event) {
        refundIds.add(event.refundId());
        refundDue = event.refundDueAfter();
        deskRefundDue = deskRefundDue.minusOrZero(event.amount());
        refundedAny = true;
    }

    @EventSourcingHandler
    void on(MessagePosted event) {
        messageIds.add(event.messageId());
    }

    @EventSourcingHandler
    void on(OrderCompleted event) {
        status = OrderStatus.COMPLETED;
    }
}
