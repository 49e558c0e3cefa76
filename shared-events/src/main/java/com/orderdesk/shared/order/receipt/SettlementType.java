package com.orderdesk.shared.order.receipt;

import java.util.Locale;

/** How a settlement receipt's sum was paid (YooKassa {@code settlements[].type}). */
public enum SettlementType {
    PREPAYMENT, CASHLESS, CASH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
