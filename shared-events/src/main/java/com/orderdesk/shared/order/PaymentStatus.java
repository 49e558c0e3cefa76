package com.orderdesk.shared.order;

/** SPEC.md §3. A fully paid order reads «Подтвержден» to the guest. */
public enum PaymentStatus {
    UNPAID("Не оплачен", "Не оплачен"),
    PARTIALLY_PAID("Частично оплачен", "Частично оплачен"),
    PAID("Оплачен", "Подтвержден"),
    REFUND_PENDING("Ожидает возврата", "Ожидает возврата"),
    REFUNDED("Возвращен", "Возвращен");

    private final String label;
    private final String guestLabel;

    PaymentStatus(String label, String guestLabel) {
        this.label = label;
        this.guestLabel = guestLabel;
    }

    public String label() {
        return label;
    }

    public String guestLabel() {
        return guestLabel;
    }
}
