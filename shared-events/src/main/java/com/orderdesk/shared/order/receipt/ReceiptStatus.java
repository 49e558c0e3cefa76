package com.orderdesk.shared.order.receipt;

/**
 * Where a receipt stands: handed to the gateway and not registered yet; registered by the cash register; canceled
 * by the gateway (the register could not register it); or refused before it got there (the gateway said why).
 */
public enum ReceiptStatus {
    PENDING("ожидает регистрации"), SUCCEEDED("зарегистрирован"), CANCELED("не зарегистрирован"), FAILED("отклонён");

    private final String label;

    ReceiptStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this != PENDING;
    }

    public boolean isFailure() {
        return this == CANCELED || this == FAILED;
    }
}
