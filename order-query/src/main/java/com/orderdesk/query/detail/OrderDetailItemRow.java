package com.orderdesk.query.detail;

import com.orderdesk.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One payment or refund on an order's form, as JSON, in the order it was recorded. */
@Entity
@Table(name = "order_detail_item", indexes = @Index(name = "ix_order_detail_item_order", columnList = "order_id, kind, item_index"))
class OrderDetailItemRow extends ReadModelRow {
    static final String PAYMENT = "PAYMENT";
    static final String REFUND = "REFUND";

    /** orderId:kind:index. */
    @Id
    @Column(name = "item_id", length = 100)
    String itemId;
    @Column(name = "order_id", length = 64, nullable = false)
    String orderId;
    @Column(name = "kind", length = 8, nullable = false)
    String kind;
    @Column(name = "item_index", nullable = false)
    int index;
    @Column(name = "item", nullable = false, length = 20000)
    String item;

    protected OrderDetailItemRow() {
    }

    OrderDetailItemRow(String orderId, String kind, int index, String item) {
        this.itemId = orderId + ":" + kind + ":" + index;
        this.orderId = orderId;
        this.kind = kind;
        this.index = index;
        this.item = item;
    }

    @Override
    public String getId() {
        return itemId;
    }
}
