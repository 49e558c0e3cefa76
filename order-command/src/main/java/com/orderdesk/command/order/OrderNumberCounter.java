package com.orderdesk.command.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row: the last order number handed out. Locked while a placement is in flight. */
@Entity
@Table(name = "order_number_counter")
class OrderNumberCounter {
    @Id
    private int id;
    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected OrderNumberCounter() {
    }

    OrderNumberCounter(int id, long lastNumber) {
        this.id = id;
        this.lastNumber = lastNumber;
    }

    long next() {
        return ++lastNumber;
    }

    long lastNumber() {
        return lastNumber;
    }
}
