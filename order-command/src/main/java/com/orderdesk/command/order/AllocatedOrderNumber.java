package com.orderdesk.command.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which order holds which number; the unique column is the last line of defence against reuse. */
@Entity
@Table(name = "order_number")
class AllocatedOrderNumber {
    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;
    @Column(name = "number", nullable = false, unique = true)
    private long number;

    protected AllocatedOrderNumber() {
    }

    AllocatedOrderNumber(String orderId, long number) {
        this.orderId = orderId;
        this.number = number;
    }

    long number() {
        return number;
    }
}
