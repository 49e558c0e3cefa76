package com.orderdesk.query.detail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.orderdesk.query.readmodel.ReadModelRow;

/**
 * The order form of one order as a JSON document, with its version and owner for quick checks. Payments and refunds
 * are rows of their own ({@link OrderDetailItemRow}, {@code paymentCount}/{@code refundCount} of them), so an order
 * paid many times is not rewritten whole at every payment; a document written before they were (issue 12) still
 * holds its lists and no item rows, until its next event moves them out.
 */
@Entity
@Table(name = "order_detail")
class OrderDetailRow extends ReadModelRow {
    @Id
    @Column(name = "order_id", length = 64)
    String orderId;
    @Column(name = "number", length = 7, nullable = false, unique = true)
    String number;
    @Column(name = "guest_id", length = 1000)
    String guestId;
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "document", nullable = false, length = 1_000_000)
    String document;
    @Column(name = "payment_count", nullable = false)
    int paymentCount;
    @Column(name = "refund_count", nullable = false)
    int refundCount;

    protected OrderDetailRow() {
    }

    OrderDetailRow(String orderId) {
        this.orderId = orderId;
    }

    @Override
    public String getId() {
        return orderId;
    }
}
