package com.orderdesk.query.list;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import com.orderdesk.query.readmodel.ReadModelRow;

import java.time.Instant;
import java.time.LocalDate;

/** One line of «Обращения и заказы». Money in kopecks; search columns pre-normalised. */
@Entity
@Table(name = "order_summary", indexes = {
        @Index(name = "ix_summary_created", columnList = "created_at DESC"),
        @Index(name = "ix_summary_status_created", columnList = "status, created_at DESC"),
        @Index(name = "ix_summary_payment_created", columnList = "payment_status, created_at DESC"),
        @Index(name = "ix_summary_status_payment_created", columnList = "status, payment_status, created_at DESC"),
        @Index(name = "ix_summary_service_created", columnList = "service_id, created_at DESC"),
        @Index(name = "ix_summary_executor_created", columnList = "executor_id, created_at DESC"),
        @Index(name = "ix_summary_guest_created", columnList = "guest_id, created_at DESC"),
        @Index(name = "ix_summary_due", columnList = "due_date"),
        @Index(name = "ix_summary_total", columnList = "total_minor"),
        @Index(name = "ix_summary_ticket", columnList = "ticket_lower"),
        @Index(name = "ix_summary_phone", columnList = "phone_digits")})
class OrderSummaryRow extends ReadModelRow {
    @Id
    @Column(name = "order_id", length = 64)
    String orderId;
    @Column(name = "number", length = 7, nullable = false, unique = true)
    String number;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "service_id", length = 100, nullable = false)
    String serviceId;
    @Column(name = "service_name", length = 200, nullable = false)
    String serviceName;
    @Column(name = "time_zone", length = 64, nullable = false)
    String timeZone;
    @Column(name = "status", length = 32, nullable = false)
    String status;
    @Column(name = "payment_status", length = 32, nullable = false)
    String paymentStatus;
    @Column(name = "visitor_name", length = 1000, nullable = false)
    String visitorName;
    @Column(name = "visitor_name_lower", length = 1000, nullable = false)
    String visitorNameLower;
    @Column(name = "phone_digits", length = 20, nullable = false)
    String phoneDigits;
    @Column(name = "ticket_number", length = 128)
    String ticketNumber;
    @Column(name = "ticket_lower", length = 128)
    String ticketLower;
    @Column(name = "executor_id", length = 1000)
    String executorId;
    @Column(name = "executor_name", length = 1000)
    String executorName;
    @Column(name = "total_minor", nullable = false)
    long totalMinor;
    @Column(name = "remainder_minor", nullable = false)
    long remainderMinor;
    @Column(name = "due_date", nullable = false)
    LocalDate dueDate;
    @Column(name = "guest_id", length = 1000)
    String guestId;
    @Column(name = "rental_start")
    Instant rentalStart;
    @Column(name = "rental_end")
    Instant rentalEnd;
    /** when the guest checked in at the reception, and left (issue 30) */
    @Column(name = "checked_in_at")
    Instant checkedInAt;
    @Column(name = "checked_out_at")
    Instant checkedOutAt;
    @Column(name = "version", nullable = false)
    long version;

    protected OrderSummaryRow() {
    }

    @Override
    public String getId() {
        return orderId;
    }
}
