package com.orderdesk.shared.value;

/** Who someone is to the product. */
public enum Role {
    RENTAL_MANAGER("Менеджер по аренде"),
    SERVICE_MANAGER("Менеджер по услугам"),
    AUDITOR("Аудитор"),
    GUEST("Гость локации"),
    SYSTEM("Система");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isStaff() {
        return this == RENTAL_MANAGER || this == SERVICE_MANAGER;
    }
}
