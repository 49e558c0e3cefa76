package com.orderdesk.query.detail;

import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.PaymentSource;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.ServiceRef;
import com.orderdesk.shared.order.query.FindOnlinePayment;
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
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link OrderDetail} from an order's events, one at a time. The single implementation of
 * "what the order form shows": the live read model, the auditor's "as of" and replays all use it.
 */
public final class OrderDetailFold {
    private String orderId;
    private String number;
    private Instant createdAt;
    private ServiceRef service;
    private String tariffId;
    private ZoneId zone = ZoneId.of("UTC");
    private OrderStatus status;
    private PaymentStatus paymentStatus;
    private OrderDetail.Executor executor;
    private String ticketNumber;
    private OrderDetail.Ticket attendance = new OrderDetail.Ticket(null);
    private Person visitor;
    private boolean visitorEmailUnconfirmed;
    private Applicant applicant;
    private List<OrderLine> lines = List.of();
    private Instant rentalStart;
    private Instant rentalEnd;
    private Money total = Money.ZERO;
    private Money paid = Money.ZERO;
    private Money remainder = Money.ZERO;
    private Money refundDue = Money.ZERO;
    private Money prepaymentDue = Money.ZERO;
    private Money minimumRemainder = Money.ZERO;
    private PaymentPlan paymentPlan;
    private final List<OrderDetail.Payment> payments = new ArrayList<>();
    private final List<OrderDetail.Refund> refunds = new ArrayList<>();
    private LocalDate dueDate;
    private OrderDetail.Cancellation cancellation;
    private Instant completedAt;
    private String guestId;
    private FindOnlinePayment.OnlinePayment onlinePayment;
    private long version = -1;
    private final java.util.LinkedHashMap<String, OrderDetail.FiscalReceipt> receipts = new java.util.LinkedHashMap<>();
    private final Applier applier = new Applier();

    /** Continues from a detail built earlier: the detail holds everything the fold needs. */
    public static OrderDetailFold resume(OrderDetail d) {
        OrderDetailFold fold = new OrderDetailFold();
        fold.orderId = d.orderId();
        fold.number = d.number();
        fold.createdAt = d.createdAt().toInstant();
        fold.service = d.service();
        fold.zone = ZoneId.of(d.service().timeZone());
        fold.status = d.status();
        fold.paymentStatus = d.paymentStatus();
        fold.executor = d.executor();
        fold.ticketNumber = d.ticket() == null ? null : d.ticket().number();
        fold.attendance = d.ticket() == null ? new OrderDetail.Ticket(null) : d.ticket();
        fold.visitor = d.visitor();
        fold.applicant = d.applicant();
        fold.lines = d.lines();
        fold.rentalStart = d.rentalPeriod().start().toInstant();
        fold.rentalEnd = d.rentalPeriod().end().toInstant();
        fold.total = d.total();
        fold.paid = d.paid();
        fold.remainder = d.remainder();
        fold.refundDue = d.refundDue();
        fold.prepaymentDue = d.prepaymentDue();
        fold.minimumRemainder = d.minimumRemainder();
        fold.paymentPlan = d.paymentPlan();
        fold.tariffId = d.tariffId();
        fold.payments.addAll(d.payments());
        fold.refunds.addAll(d.refunds());
        fold.dueDate = d.dueDate();
        fold.cancellation = d.cancellation();
        fold.completedAt = d.completedAt() == null ? null : d.completedAt().toInstant();
        fold.guestId = d.guestId();
        fold.onlinePayment = d.onlinePayment();
        fold.version = d.version();
        fold.visitorEmailUnconfirmed = d.visitorEmailUnconfirmed();
        d.receipts().forEach(receipt -> fold.receipts.put(receipt.key(), receipt));
        return fold;
    }

    /** Applies one event of the order's stream; events this view does not show only move the version. */
    public OrderDetailFold apply(OrderEvent event, long sequence) {
        version = sequence;
        event.accept(applier);
        return this;
    }

    /** What each kind of event changes on the form: every kind has its method, so a new one is decided here. */
    private final class Applier implements OrderEvent.Visitor<Void> {
        @Override
        public Void visit(OrderPlaced e) {
            orderId = e.orderId();
            visitorEmailUnconfirmed = e.visitorEmailUnconfirmed();
            number = e.number().value();
            createdAt = e.placedAt();
            service = e.service();
            tariffId = e.tariff() == null ? null : e.tariff().id();
            zone = ZoneId.of(e.service().timeZone());
            status = e.status();
            paymentStatus = e.paymentStatus();
            ticketNumber = e.ticketNumber();
            visitor = e.visitor();
            applicant = e.applicant();
            lines = List.copyOf(e.lines());
            rentalStart = e.rentalPeriod().start();
            rentalEnd = e.rentalPeriod().end();
            total = e.total();
            remainder = e.total();
            prepaymentDue = e.prepaymentDue();
            minimumRemainder = e.minimumRemainder();
            paymentPlan = e.paymentPlan();
            dueDate = e.dueDate();
            guestId = e.guestId();
            return null;
        }

        @Override
        public Void visit(ExecutorAssigned e) {
            executor = new OrderDetail.Executor(e.executorId(), e.executorName());
            return null;
        }

        @Override
        public Void visit(ExecutorUnassigned e) {
            executor = null;
            return null;
        }

        @Override
        public Void visit(ManagerPaymentRecorded e) {
            payments.add(new OrderDetail.Payment(e.paymentId(), PaymentSource.MANAGER, e.method(), e.method().label(),
                    e.amount(), local(e.at()), recorder(e.by()), e.note()));
            paid = e.paidAfter();
            remainder = e.remainderAfter();
            paymentStatus = e.paymentStatusAfter();
            return null;
        }

        @Override
        public Void visit(GatewayPaymentRecorded e) {
            payments.add(new OrderDetail.Payment(e.paymentId(), PaymentSource.GATEWAY, e.method(), e.method().label(),
                    e.amount(), local(e.at()), null, null));
            paid = e.paidAfter();
            remainder = e.remainderAfter();
            refundDue = e.refundDueAfter();
            paymentStatus = e.paymentStatusAfter();
            if (onlinePayment != null && e.paymentId().equals(onlinePayment.gatewayPaymentId())) {
                onlinePayment = null;
            }
            return null;
        }

        @Override
        public Void visit(OrderConfirmed e) {
            status = OrderStatus.CONFIRMED;
            return null;
        }

        @Override
        public Void visit(OrderCancelled e) {
            status = OrderStatus.CANCELLED;
            cancellation = new OrderDetail.Cancellation(local(e.at()), recorder(e.by()), e.reason());
            refundDue = e.refundDue();
            remainder = Money.ZERO;
            onlinePayment = null;
            paymentStatus = e.paymentStatusAfter();
            return null;
        }

        @Override
        public Void visit(OrderRescheduled e) {
            lines = List.copyOf(e.lines());
            rentalStart = e.to().start();
            rentalEnd = e.to().end();
            total = e.total();
            paid = e.paidAfter();
            remainder = e.remainderAfter();
            refundDue = e.refundDueAfter();
            paymentStatus = e.paymentStatusAfter();
            dueDate = e.dueDate();
            return null;
        }

        @Override
        public Void visit(DeskRefundRecorded e) {
            refunds.add(new OrderDetail.Refund(e.refundId(), PaymentSource.MANAGER, e.method(), e.amount(), local(e.at()),
                    recorder(e.by())));
            refundDue = e.refundDueAfter();
            paymentStatus = e.paymentStatusAfter();
            return null;
        }

        @Override
        public Void visit(OnlinePaymentRequested e) {
            onlinePayment = new FindOnlinePayment.OnlinePayment(e.requestId(), e.amount(), "REQUESTED", null, null);
            return null;
        }

        @Override
        public Void visit(GatewayPaymentCreated e) {
            if (onlinePayment != null && onlinePayment.requestId().equals(e.requestId())) {
                onlinePayment = new FindOnlinePayment.OnlinePayment(e.requestId(), onlinePayment.amount(), "PENDING",
                        e.gatewayPaymentId(), e.confirmationUrl());
            }
            return null;
        }

        @Override
        public Void visit(GatewayPaymentCanceled e) {
            if (onlinePayment != null && e.gatewayPaymentId().equals(onlinePayment.gatewayPaymentId())) {
                onlinePayment = new FindOnlinePayment.OnlinePayment(onlinePayment.requestId(), onlinePayment.amount(), "CANCELED",
                        onlinePayment.gatewayPaymentId(), null);
            }
            return null;
        }

        @Override
        public Void visit(GatewayRefundRecorded e) {
            refunds.add(new OrderDetail.Refund(e.gatewayRefundId(), PaymentSource.GATEWAY, PaymentMethod.BANK_CARD, e.amount(),
                    local(e.at()), null));
            refundDue = e.refundDueAfter();
            paymentStatus = e.paymentStatusAfter();
            if (e.paidAfter() != null) {
                paid = e.paidAfter();
                remainder = e.remainderAfter();
            }
            return null;
        }

        @Override
        public Void visit(GatewayPaymentAuthorized e) {
            if (onlinePayment != null && e.paymentId().equals(onlinePayment.gatewayPaymentId())) {
                onlinePayment = new FindOnlinePayment.OnlinePayment(onlinePayment.requestId(), e.toCapture(),
                        e.toCapture().isPositive() ? "CAPTURING" : "RELEASED", onlinePayment.gatewayPaymentId(), null);
            }
            return null;
        }

        @Override
        public Void visit(ReceiptRecorded e) {
            receipts.put(e.receiptKey(), receipt(e, receipts.get(e.receiptKey())));
            return null;
        }

        @Override
        public Void visit(GuestCheckedIn e) {
            attendance = new OrderDetail.Ticket(null, local(e.at()), recorder(e.by()), e.method(), e.method().label(), null, null);
            return null;
        }

        @Override
        public Void visit(GuestCheckedOut e) {
            attendance = new OrderDetail.Ticket(null, attendance.checkedInAt(), attendance.checkedInBy(), attendance.checkInMethod(),
                    attendance.checkInMethodLabel(), local(e.at()), null);
            return null;
        }

        @Override
        public Void visit(OrderMarkedNoShow e) {
            status = OrderStatus.NO_SHOW;
            attendance = new OrderDetail.Ticket(null, null, null, null, null, null, local(e.at()));
            return null;
        }

        @Override
        public Void visit(OrderCompleted e) {
            status = OrderStatus.COMPLETED;
            completedAt = e.at();
            return null;
        }

        @Override
        public Void visit(VisitorEmailConfirmed e) {
            visitorEmailUnconfirmed = false;
            return null;
        }

        @Override
        public Void visit(MessagePosted e) {
            return null; // a message is the timeline's entry, not the form's
        }

        @Override
        public Void visit(GatewayRefundFailed e) {
            return null; // a refused refund is a staff line of the timeline; what is owed changes with the retry or the desk refund
        }

        @Override
        public Void visit(GuestMailFailed e) {
            return null; // mail is the timeline's (and the outbox's) business
        }

        @Override
        public Void visit(GuestMailSent e) {
            return null; // mail is the timeline's (and the outbox's) business
        }

        @Override
        public Void visit(GuestMailStopped e) {
            return null; // mail is the timeline's (and the outbox's) business
        }

        @Override
        public Void visit(SettlementReceiptDue e) {
            return null; // the settlement receipt shows up when it is recorded (ReceiptRecorded)
        }
    }

    public boolean isEmpty() {
        return orderId == null;
    }

    public OrderDetail toDetail() {
        if (isEmpty()) {
            throw new IllegalStateException("No OrderPlaced applied yet");
        }
        return new OrderDetail(orderId, number, local(createdAt), service, status, status.label(), paymentStatus,
                paymentStatus.label(), executor, new OrderDetail.Ticket(ticketNumber != null ? ticketNumber : number,
                        attendance.checkedInAt(), attendance.checkedInBy(), attendance.checkInMethod(), attendance.checkInMethodLabel(),
                        attendance.checkedOutAt(), attendance.noShowAt()), visitor, applicant, lines,
                new OrderDetail.Period(local(rentalStart), local(rentalEnd)), total, total, paid, remainder, refundDue,
                prepaymentDue, minimumRemainder, paymentPlan, List.copyOf(payments), List.copyOf(refunds), dueDate,
                cancellation, completedAt == null ? null : local(completedAt), guestId, onlinePayment, version,
                List.copyOf(receipts.values()), visitorEmailUnconfirmed, tariffId);
    }

    /** A receipt's new state; what it holds stays as first recorded when a later record leaves it out. */
    private OrderDetail.FiscalReceipt receipt(ReceiptRecorded e, OrderDetail.FiscalReceipt before) {
        com.orderdesk.shared.order.receipt.Receipt data = e.receipt();
        var mode = data != null ? data.mode() : before == null ? null : before.paymentMode();
        return new OrderDetail.FiscalReceipt(e.receiptKey(), e.kind(), e.kind().label(), e.status(), e.status().label(),
                e.amount() != null ? e.amount() : before == null ? null : before.amount(), mode, mode == null ? null : mode.label(),
                data != null ? data.items() : before == null ? List.of() : before.items(),
                e.settlements() != null && !e.settlements().isEmpty() ? e.settlements() : before == null ? List.of() : before.settlements(),
                data != null ? data.customer().contact() : before == null ? null : before.sentTo(),
                e.receiptId() != null ? e.receiptId() : before == null ? null : before.receiptId(), e.paymentId(), e.refundId(),
                e.fiscalDocumentNumber(), e.fiscalStorageNumber(), e.fiscalAttribute(), e.reason(), local(e.at()));
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static OrderDetail.Recorder recorder(Actor actor) {
        return actor == null ? null : new OrderDetail.Recorder(actor.id(), actor.name(), actor.role().name());
    }
}
