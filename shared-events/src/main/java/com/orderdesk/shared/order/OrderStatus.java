package com.orderdesk.shared.order;

/**
 * SPEC.md §3: AWAITING_PAYMENT → CONFIRMED → COMPLETED; any non-final → CANCELLED; CONFIRMED → NO_SHOW when the guest
 * did not come (issue 30: its places freed, its money kept; staff may still cancel it with a refund).
 */
public enum OrderStatus {
    AWAITING_PAYMENT("Ожидает оплаты"),
    CONFIRMED("Подтвержден"),
    COMPLETED("Выполнен"),
    CANCELLED("Отменен"),
    NO_SHOW("Не пришёл");

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
