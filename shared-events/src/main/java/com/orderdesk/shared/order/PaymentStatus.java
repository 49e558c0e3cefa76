package com.orderdesk.shared.order;

/** SPEC.md §3 (and «Частично возвращен», README «Domain»). A fully paid order reads «Подтвержден» to the guest. */
public enum PaymentStatus {
    UNPAID("Не оплачен", "Не оплачен"),
    PARTIALLY_PAID("Частично оплачен", "Частично оплачен"),
    PAID("Оплачен", "Подтвержден"),
    REFUND_PENDING("Ожидает возврата", "Ожидает возврата"),
    REFUNDED("Возвращен", "Возвращен"),
    /** A cancelled order returned part of what was paid and keeps the rest (a partial refund by policy or by staff). */
    PARTIALLY_REFUNDED("Частично возвращен", "Частично возвращен");

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
