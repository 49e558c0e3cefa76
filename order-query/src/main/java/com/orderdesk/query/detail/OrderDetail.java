package com.orderdesk.query.detail;

import com.orderdesk.shared.order.receipt.PaymentMode;
import com.orderdesk.shared.order.receipt.ReceiptItem;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;

import com.orderdesk.shared.order.CheckInMethod;
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
        long version,
        List<FiscalReceipt> receipts,
        /** true while the visitor's e-mail, given by a guest, awaits confirmation: nothing is mailed there meanwhile */
        boolean visitorEmailUnconfirmed,
        /** the tariff it was priced by (what a quote for moving it asks for); null in forms stored before issue 27 */
        String tariffId) {

    public OrderDetail {
        // forms stored before receipts have none
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
    }

    /** The same form with these payments and refunds. */
    OrderDetail withItems(List<Payment> payments, List<Refund> refunds) {
        return new OrderDetail(orderId, number, createdAt, service, status, statusLabel, paymentStatus, paymentStatusLabel,
                executor, ticket, visitor, applicant, lines, rentalPeriod, ticketCost, total, paid, remainder, refundDue,
                prepaymentDue, minimumRemainder, paymentPlan, payments, refunds, dueDate, cancellation, completedAt, guestId,
                onlinePayment, version, receipts, visitorEmailUnconfirmed, tariffId);
    }

    /**
     * The guest's reading: a fully paid order reads «Подтвержден»; no staff ids, no payment notes, and whoever of the
     * staff acted is «менеджер».
     */
    public OrderDetail asGuestSeesIt() {
        // someone is on it — «менеджер», as everywhere the guest looks (no staff names, docs/adr/018)
        Executor shownExecutor = executor == null ? null : new Executor(null, Recorder.MANAGER.name());
        List<Payment> shownPayments = payments.stream().map(p -> new Payment(p.paymentId(), p.source(), p.method(), p.methodLabel(),
                p.amount(), p.at(), p.recordedBy() == null ? null : Recorder.MANAGER, null)).toList();
        List<Refund> shownRefunds = refunds.stream().map(r -> new Refund(r.refundId(), r.source(), r.method(), r.amount(), r.at(),
                r.recordedBy() == null ? null : Recorder.MANAGER)).toList();
        Cancellation shownCancellation = cancellation == null ? null : new Cancellation(cancellation.at(),
                cancellation.by() == null || "GUEST".equals(cancellation.by().role()) || "SYSTEM".equals(cancellation.by().role())
                        ? cancellation.by() : Recorder.MANAGER, cancellation.reason());
        return new OrderDetail(orderId, number, createdAt, service, status, statusLabel, paymentStatus,
                paymentStatus.guestLabel(), shownExecutor, ticket == null ? null : ticket.asGuestSeesIt(), visitor, applicant, lines, rentalPeriod, ticketCost, total, paid,
                remainder, refundDue, prepaymentDue, minimumRemainder, paymentPlan, shownPayments, shownRefunds, dueDate,
                shownCancellation, completedAt, guestId, onlinePayment, version,
                receipts.stream().map(FiscalReceipt::asGuestSeesIt).toList(), visitorEmailUnconfirmed, tariffId);
    }

    public record Executor(String id, String name) {
    }

    /**
     * The ticket (issue 30): its number — the one given at the desk, else the order's — and the guest at the reception:
     * when and how they checked in and by whom, when they left, when they were marked as not come.
     */
    public record Ticket(String number, OffsetDateTime checkedInAt, Recorder checkedInBy, CheckInMethod checkInMethod,
                         String checkInMethodLabel, OffsetDateTime checkedOutAt, OffsetDateTime noShowAt) {
        public Ticket(String number) {
            this(number, null, null, null, null, null, null);
        }

        Ticket asGuestSeesIt() {
            return new Ticket(number, checkedInAt, checkedInBy == null ? null : Recorder.MANAGER, checkInMethod, checkInMethodLabel,
                    checkedOutAt, noShowAt);
        }
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
        /** How a guest sees anyone of the staff. */
        static final Recorder MANAGER = new Recorder(null, "менеджер", "STAFF");
    }

    public record Cancellation(OffsetDateTime at, Recorder by, String reason) {
    }

    /**
     * «Чеки»: a fiscal receipt of the order and where it stands — what it is for, its positions and how they were
     * settled, the fiscal document once registered, or why it was not (staff only).
     */
    public record FiscalReceipt(String key, ReceiptKind kind, String kindLabel, ReceiptStatus status, String statusLabel,
                                Money amount, PaymentMode paymentMode, String paymentModeLabel, List<ReceiptItem> items,
                                List<Settlement> settlements, String sentTo, String receiptId, String paymentId, String refundId,
                                String fiscalDocumentNumber, String fiscalStorageNumber, String fiscalAttribute, String reason,
                                OffsetDateTime at) {
        FiscalReceipt asGuestSeesIt() {
            return new FiscalReceipt(key, kind, kindLabel, status, statusLabel, amount, paymentMode, paymentModeLabel, items,
                    settlements, sentTo, null, null, null, fiscalDocumentNumber, fiscalStorageNumber, fiscalAttribute, null, at);
        }
    }
}
