package com.orderdesk.shared.order;

/** Pay everything at once, or a prepayment now and the rest later (if the tariff allows it). */
public enum PaymentPlan {
    FULL, PARTIAL
}
