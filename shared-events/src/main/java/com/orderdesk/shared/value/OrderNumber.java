package com.orderdesk.shared.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.orderdesk.shared.error.InvalidValueException;

/** The human order number: seven digits, first not zero ({@code 1006313}). */
public record OrderNumber(String value) {
    public static final long FIRST = 1_000_000L;
    public static final long LAST = 9_999_999L;

    @JsonCreator
    public OrderNumber {
        if (value == null || !value.matches("[1-9]\\d{6}")) {
            throw new InvalidValueException("number", "Номер заказа — семь цифр, например 1006313.");
        }
    }

    public static OrderNumber of(long number) {
        if (number < FIRST || number > LAST) {
            throw new IllegalStateException("Order numbers are exhausted or misconfigured: " + number);
        }
        return new OrderNumber(Long.toString(number));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
