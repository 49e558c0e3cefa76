package com.orderdesk.shared.order.receipt;

import com.orderdesk.shared.value.Money;

import java.time.Instant;
import java.util.Locale;

/**
 * «Признак способа расчёта» (54-ФЗ; YooKassa {@code payment_mode}) of money taken for a rental: before the rental
 * starts it is a prepayment — full when this one payment is the whole price, partial otherwise — and at or after the
 * start it is a payment for a service rendered.
 */
public enum PaymentMode {
    FULL_PREPAYMENT("Предоплата 100%"), PARTIAL_PREPAYMENT("Частичная предоплата"), FULL_PAYMENT("Полный расчёт");

    private final String label;

    PaymentMode(String label) {
        this.label = label;
    }

    /** As the receipt prints it. */
    public String label() {
        return label;
    }

    /** How YooKassa spells it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isPrepayment() {
        return this != FULL_PAYMENT;
    }

    /** The mode of {@code amount} paid at {@code at} for a rental starting at {@code rentalStart} costing {@code price}. */
    public static PaymentMode of(Instant at, Instant rentalStart, Money amount, Money price) {
        if (!at.isBefore(rentalStart)) {
            return FULL_PAYMENT;
        }
        return amount.equals(price) ? FULL_PREPAYMENT : PARTIAL_PREPAYMENT;
    }
}
