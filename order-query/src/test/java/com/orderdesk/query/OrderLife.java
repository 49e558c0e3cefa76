package com.orderdesk.query;

import com.orderdesk.shared.order.GatewayRefundDue;
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
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OrderCancelled;
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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A scripted order life as domain event messages, for projection slice tests. */
public final class OrderLife {
    public static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);
    public static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    public static final Actor GATEWAY = Actor.system(Channel.GATEWAY);
    public static final Instant T0 = Instant.parse("2030-08-01T08:32:00Z");

    private final String orderId;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    public OrderLife(String orderId) {
        this.orderId = orderId;
    }

    public List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }

    private OrderLife add(Object payload) {
        Instant at = T0.plusSeconds(60L * events.size());
        events.add(new GenericDomainEventMessage<>("Order", orderId, events.size(), payload, java.util.Map.of(),
                java.util.UUID.randomUUID().toString(), at));
        return this;
    }

    public OrderLife placedOnline(String number, String visitor, String phone, long hours) {
        RentalPeriod period = new RentalPeriod(Instant.parse("2030-08-11T11:00:00Z"), Instant.parse("2030-08-11T11:00:00Z").plusSeconds(hours * 3600));
        Money total = Money.ofRubles(100 * hours);
        Person person = new Person(visitor, Phone.parse(phone));
        return add(new OrderPlaced(orderId, new OrderNumber(number), T0, GUEST, "guest",
                new ServiceRef("coworking-2nd-floor", "Коворкинг на 2 этаже", "Asia/Yekaterinburg"),
                new TariffRef("standard", "Стандарт", Money.ofRubles(100), "HOUR"),
                List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", hours, Money.ofRubles(100), total)), period, number.substring(4),
                person, new Applicant(visitor, null, person.phone()), PaymentPlan.PARTIAL, total, total.percent(25),
                Money.ofRubles(50), LocalDate.of(2030, 8, 11), OrderStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID));
    }

    public OrderLife assigned(String id, String name) {
        return add(new ExecutorAssigned(orderId, id, name, null, null, MANAGER, T0));
    }

    public OrderLife gatewayPaid(long rubles, long paidAfter, long remainderAfter) {
        add(new GatewayPaymentRecorded(orderId, "g-" + events.size(), Money.ofRubles(rubles), PaymentMethod.BANK_CARD, GATEWAY,
                T0, Money.ofRubles(paidAfter), Money.ofRubles(remainderAfter), Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ZERO));
        return add(new OrderConfirmed(orderId, GATEWAY, T0));
    }

    public OrderLife deskPaid(long kopecks, long paidAfterKopecks, long remainderAfterKopecks, PaymentStatus status) {
        return add(new ManagerPaymentRecorded(orderId, "p-" + events.size(), Money.ofMinor(kopecks), PaymentMethod.CASH, null,
                MANAGER, T0, Money.ofMinor(paidAfterKopecks), Money.ofMinor(remainderAfterKopecks), status));
    }

    public OrderLife message(Visibility visibility, String text, Actor author) {
        return add(new MessagePosted(orderId, "m-" + events.size(), visibility, text, author, T0));
    }

    public OrderLife cancelled(String reason, long refundDue, long deskDue, List<GatewayRefundDue> gateway) {
        return add(new OrderCancelled(orderId, reason, MANAGER, T0, Money.ofRubles(refundDue), Money.ofRubles(deskDue), gateway,
                refundDue > 0 ? PaymentStatus.REFUND_PENDING : PaymentStatus.UNPAID, Money.ofRubles(refundDue)));
    }

    public OrderLife deskRefunded(long rubles, long dueAfter) {
        return add(new DeskRefundRecorded(orderId, "r-" + events.size(), Money.ofRubles(rubles), PaymentMethod.CASH, MANAGER, T0,
                Money.ofRubles(dueAfter), dueAfter > 0 ? PaymentStatus.REFUND_PENDING : PaymentStatus.REFUNDED));
    }
}
