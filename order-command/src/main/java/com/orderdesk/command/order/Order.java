package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.command.CompleteOrder;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderMarkedNoShow;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.EmailAddress;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Person;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One coworking booking order (SPEC.md §2–4): its life — placed, confirmed, moved, completed or cancelled — its
 * executor and messages. The rest is its members: the money in {@link OrderLedger} (taken at the {@link DeskPayments
 * desk} or {@link OnlinePayments online}), the 54-ФЗ {@link OrderReceipts receipts}, the {@link GuestMail mail}, the
 * guest at the reception ({@link OrderAttendance}: check-in, no-show, completing on its own). It
 * holds only what it needs to decide; what people read lives in projections.
 */
@Aggregate(cache = "orderCache")
public class Order {
    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_REASON = 1000;
    public static final int MAX_TICKET = 32;
    static final String EXPIRED_REASON = "Истек срок оплаты";

    @AggregateIdentifier
    private String orderId;
    private OrderStatus status;
    private String serviceId;
    private String tariffId;
    private ZoneId zone;
    private Instant rentalStart;
    private Instant rentalEnd;
    /** The guest account that owns the order, if any: the only guest who may see or act on it. */
    private String guestId;
    private OrderNumber number;
    private final Set<String> messageIds = new HashSet<>();
    @AggregateMember
    private final OrderLedger ledger = new OrderLedger();
    @AggregateMember
    private final OrderExecutor executor = new OrderExecutor(this);
    @AggregateMember
    private final OrderChanges changes = new OrderChanges(this);
    @AggregateMember
    private final DeskPayments desk = new DeskPayments(this);
    @AggregateMember
    private final OnlinePayments online = new OnlinePayments(this);
    @AggregateMember
    private final OrderReceipts receipts = new OrderReceipts(this);
    @AggregateMember
    private final GuestMail mail = new GuestMail(this);
    @AggregateMember
    private final OrderAttendance attendance = new OrderAttendance(this);

    protected Order() {
        // for Axon
    }

    /** Places the order; answers with its number (which the caller cannot know beforehand) and version. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public PlaceOrder.Placed handle(PlaceOrder command, Actor placedBy, Catalog catalog, OrderNumbers numbers, SpaceHolds space,
                                    RentalDeadlines deadlines, Clock clock) {
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
        space.take(service, command.orderId(), command.rentalPeriod()).orRefuse(service);
        OrderNumber number = numbers.allocate(command.orderId());
        // a guest may book for anyone, but mails and receipts go only to an address the guest proved: their own, or one
        // confirmed by whoever reads it
        boolean unconfirmed = by.isGuest() && visitor.email() != null
                && (command.guestEmail() == null || !command.guestEmail().is(visitor.email()));
        apply(new OrderPlaced(command.orderId(), number, now, by, guestId, pricing.service(), pricing.tariff(),
                pricing.lines(), command.rentalPeriod(), ticket, visitor, applicant,
                command.paymentPlan(), pricing.total(), dueOnline, pricing.minimumRemainder(),
                command.rentalPeriod().start().atZone(pricing.zone()).toLocalDate(), initial, paymentStatus, unconfirmed));
        attendance.scheduleDeadlines(service, deadlines);
        if (dueOnline.isPositive()) {
            this.online.request(command.orderId() + ":prepayment", dueOnline, true, by, now, catalog);
        }
        return new PlaceOrder.Placed(number, version());
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

    /** The service an order is of: the catalog keeps every service it ever offered (a removed one is a set-up error). */
    static Catalog.Service serviceOf(Catalog catalog, String serviceId) {
        return catalog.service(serviceId).orElseThrow(
                () -> new IllegalStateException("Service " + serviceId + " is no longer in the catalog"));
    }

    // --- what the members ask of the order ---

    void confirmIfPaidEnough(Actor by, Clock clock) {
        if (status == OrderStatus.AWAITING_PAYMENT && !ledger.paid().isLessThan(ledger.prepaymentDue())) {
            apply(new OrderConfirmed(orderId, by, clock.instant()));
        }
    }

    /**
     * A guest reaches only their own order, staff only the orders of services they are responsible for; to anyone
     * else the order does not exist.
     */
    void requireAccess(Actor actor, Catalog catalog) {
        if (actor != null && (actor.isGuest() ? !actor.id().equals(guestId) : !catalog.reachOf(actor).covers(serviceId))) {
            throw RejectedException.notFound();
        }
    }

    void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(actual)) {
            throw new RejectedException(ErrorCode.VERSION_MISMATCH,
                    "Заказ изменился (версия " + actual + ", у вас " + expected + "). Обновите страницу и повторите.");
        }
    }

    void requireNotFinal(String action) {
        if (status == OrderStatus.CANCELLED || status == OrderStatus.COMPLETED) {
            throw new RejectedException(ErrorCode.ORDER_FINAL, action + (status == OrderStatus.CANCELLED ? ": заказ отменён." : ": заказ выполнен."));
        }
    }

    /** The sequence number of the last event: what clients see as the order's version (ETag). */
    static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    String orderId() {
        return orderId;
    }

    OrderStatus status() {
        return status;
    }

    String serviceId() {
        return serviceId;
    }

    String tariffId() {
        return tariffId;
    }

    Instant rentalStart() {
        return rentalStart;
    }

    Instant rentalEnd() {
        return rentalEnd;
    }

    ZoneId zone() {
        return zone;
    }

    OrderNumber number() {
        return number;
    }

    OrderLedger ledger() {
        return ledger;
    }

    OrderReceipts receipts() {
        return receipts;
    }

    OrderAttendance attendance() {
        return attendance;
    }

    // --- state from events ---

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        status = event.status();
        serviceId = event.service().id();
        tariffId = event.tariff() == null ? null : event.tariff().id();
        zone = ZoneId.of(event.service().timeZone());
        rentalStart = event.rentalPeriod().start();
        rentalEnd = event.rentalPeriod().end();
        guestId = event.guestId();
        number = event.number();
    }

    @EventSourcingHandler
    void on(MessagePosted event) {
        messageIds.add(event.messageId());
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderRescheduled event) {
        rentalStart = event.to().start();
        rentalEnd = event.to().end();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderMarkedNoShow event) {
        status = OrderStatus.NO_SHOW;
    }

    @EventSourcingHandler
    void on(OrderCompleted event) {
        status = OrderStatus.COMPLETED;
    }
}
