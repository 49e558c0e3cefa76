package com.orderdesk.query.cash;

import com.orderdesk.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the cash book: a payment or a refund of an order ({@link #PAYMENT}, {@link #REFUND}), or the order's
 * header ({@link #ORDER}: its number and service, which the order's later money lines copy).
 */
@Entity
@Table(name = "cash_entry", indexes = @Index(name = "ix_cash_service_day", columnList = "service_id, local_date, at"))
class CashEntryRow extends ReadModelRow {
    static final String ORDER = "ORDER";
    static final String PAYMENT = "PAYMENT";
    static final String REFUND = "REFUND";

    /** orderId:sequence — an event writes its line once, however often it is delivered. */
    @Id
    @Column(name = "entry_id", length = 100)
    String entryId;
    @Column(name = "order_id", length = 64, nullable = false)
    String orderId;
    @Column(name = "sequence_number", nullable = false)
    long sequence;
    @Column(name = "kind", length = 8, nullable = false)
    String kind;
    @Column(name = "order_number", length = 7, nullable = false)
    String orderNumber;
    @Column(name = "service_id", length = 100, nullable = false)
    String serviceId;
    @Column(name = "service_name", length = 200, nullable = false)
    String serviceName;
    @Column(name = "time_zone", length = 64, nullable = false)
    String timeZone;
    @Column(name = "at", nullable = false)
    Instant at;
    @Column(name = "local_date", nullable = false)
    LocalDate localDate;
    @Column(name = "source", length = 16)
    String source;
    @Column(name = "method", length = 32)
    String method;
    @Column(name = "amount_minor")
    Long amountMinor;
    @Column(name = "by_id", length = 200)
    String byId;
    @Column(name = "by_name", length = 200)
    String byName;

    protected CashEntryRow() {
    }

    @Override
    public String getId() {
        return entryId;
    }
}
