package com.orderdesk.shared.order;

/** How a guest was checked in at the reception (issue 30). */
public enum CheckInMethod {
    /** the pass's token, read by a scanner or typed */
    PASS("по пропуску"),
    /** the ticket's number, typed by staff */
    NUMBER("по номеру билета"),
    /** from the order's form */
    ORDER_FORM("из карточки заказа");

    private final String label;

    CheckInMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
