package com.orderdesk.shared.order;

/** How money moved. The first three are what a manager takes at the desk; the rest come from the gateway. */
public enum PaymentMethod {
    CASH("наличные", true),
    CARD_TERMINAL("карта через терминал", true),
    BANK_TRANSFER("банковский перевод", true),
    BANK_CARD("Банковская карта", false),
    SBP("СБП", false),
    ONLINE("онлайн-оплата", false);

    private final String label;
    private final boolean desk;

    PaymentMethod(String label, boolean desk) {
        this.label = label;
        this.desk = desk;
    }

    public String label() {
        return label;
    }

    /** A method a manager may record at the desk. */
    public boolean isDesk() {
        return desk;
    }
}
