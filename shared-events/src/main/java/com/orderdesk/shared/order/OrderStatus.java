package com.orderdesk.shared.order;

/** SPEC.md §3: AWAITING_PAYMENT → CONFIRMED → COMPLETED; any non-final → CANCELLED. */
public enum OrderStatus {
    AWAITING_PAYMENT("Ожидает оплаты"),
    CONFIRMED("Подтвержден"),
    COMPLETED("Выполнен"),
    CANCELLED("Отменен");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
