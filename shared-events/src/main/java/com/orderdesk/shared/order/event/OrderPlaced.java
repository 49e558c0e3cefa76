package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.ServiceRef;
import com.orderdesk.shared.order.TariffRef;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.RentalPeriod;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order exists. Carries the priced facts as they were at placement, so that no reader ever needs
 * today's catalog to understand yesterday's order. {@code prepaymentDue} is what must arrive before an
 * online order is confirmed (zero for desk orders).
 *
 * <p>Revision 2: the visitor may carry an e-mail. Revision-less ones (before it) are read through
 * {@link com.orderdesk.shared.order.event.upcast.OrderPlacedUpcaster}.
 *
 * <p>{@code visitorEmailUnconfirmed} (since issue 26; absent, and so false, in what was stored before): a guest booked
 * with an address that is not their own; nothing but the one mail asking to confirm it goes there until
 * {@link VisitorEmailConfirmed}. Part of this event, not one after it, so that no reader can act on the order's first
 * mail before it knows.
 */
@Revision(OrderPlaced.REVISION)
public record OrderPlaced(
        String orderId,
        OrderNumber number,
        Instant placedAt,
        Actor placedBy,
        String guestId,
        ServiceRef service,
        TariffRef tariff,
        List<OrderLine> lines,
        RentalPeriod rentalPeriod,
        String ticketNumber,
        Person visitor,
        Applicant applicant,
        PaymentPlan paymentPlan,
        Money total,
        Money prepaymentDue,
        Money minimumRemainder,
        LocalDate dueDate,
        OrderStatus status,
        PaymentStatus paymentStatus,
        boolean visitorEmailUnconfirmed) implements OrderEvent {
    public static final String REVISION = "2";

    /** An order whose visitor's address (if any) may be mailed. */
    public OrderPlaced(String orderId, OrderNumber number, Instant placedAt, Actor placedBy, String guestId, ServiceRef service,
                       TariffRef tariff, List<OrderLine> lines, RentalPeriod rentalPeriod, String ticketNumber, Person visitor,
                       Applicant applicant, PaymentPlan paymentPlan, Money total, Money prepaymentDue, Money minimumRemainder,
                       LocalDate dueDate, OrderStatus status, PaymentStatus paymentStatus) {
        this(orderId, number, placedAt, placedBy, guestId, service, tariff, lines, rentalPeriod, ticketNumber, visitor, applicant,
                paymentPlan, total, prepaymentDue, minimumRemainder, dueDate, status, paymentStatus, false);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
