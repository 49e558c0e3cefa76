package com.orderdesk.query.detail;

import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentSource;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.ServiceRef;
import com.orderdesk.shared.order.query.FindOnlinePayment;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The order form of the seed, as API.md "Detail" names it. Times are in the service's time zone. */
public record OrderDetail(
        String orderId,
        String number,
        OffsetDateTime createdAt,
        ServiceRef service,
        OrderStatus status,
        String statusLabel,
        PaymentStatus paymentStatus,
        String paymentStatusLabel,
        Executor executor,
        Ticket ticket,
        Person visitor,
        Applicant applicant,
        List<OrderLine> lines,
        Period rentalPeriod,
        Money ticketCost,
        Money total,
        Money paid,
        Money remainder,
        Money refundDue,
        Money prepaymentDue,
        Money minimumRemainder,
        PaymentPlan paymentPlan,
        List<Payment> payments,
        List<Refund> refunds,
        LocalDate dueDate,
        Cancellation cancellation,
        OffsetDateTime completedAt,
        String guestId,
        FindOnlinePayment.OnlinePayment onlinePayment,
        long version) {

    /** The guest's reading: a fully paid order reads «Подтвержден». */
    public OrderDetail asGuestSeesIt() {
        return new OrderDetail(orderId, number, createdAt, service, status, statusLabel, paymentStatus,
                paymentStatus.guestLabel(), executor, ticket, visitor, applicant, lines, rentalPeriod, ticketCost, total, paid,
                remainder, refundDue, prepaymentDue, minimumRemainder, paymentPlan, payments, refunds, dueDate, cancellation,
                completedAt, guestId, onlinePayment, version);
    }

    public record Executor(String id, String name) {
    }

    public record Ticket(String number) {
    }

    public record Period(OffsetDateTime start, OffsetDateTime end) {
    }

    public record Payment(String paymentId, PaymentSource source, PaymentMethod method, String methodLabel, Money amount,
                          OffsetDateTime at, Recorder recordedBy, String note) {
    }

    public record Refund(String refundId, PaymentSource source, PaymentMethod method, Money amount, OffsetDateTime at,
                         Recorder recordedBy) {
    }

    public record Recorder(String id, String name, String role) {
    }

    public record Cancellation(OffsetDateTime at, Recorder by, String reason) {
    }
}
