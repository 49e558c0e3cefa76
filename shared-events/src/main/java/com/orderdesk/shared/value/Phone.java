package com.orderdesk.shared.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.orderdesk.shared.error.InvalidValueException;

/**
 * A phone number in E.164 form ({@code +73422545454}). Accepts what people type: spaces, dashes,
 * brackets, dots, a Russian leading 8 or a bare 10-digit Russian number.
 */
public record Phone(String e164) {
    private static final String MESSAGE =
            "Некорректный номер телефона: ожидается номер вида +7 (342) 254-54-54.";

    public Phone {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{9,14}")) {
            throw new InvalidValueException("phone", MESSAGE);
        }
    }

    @JsonCreator
    public static Phone parse(String text) {
        if (text == null || text.isBlank() || text.length() > 32) {
            throw new InvalidValueException("phone", MESSAGE);
        }
        String trimmed = text.strip();
        boolean plus = trimmed.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (int i = plus ? 1 : 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\u00a0') {
                throw new InvalidValueException("phone", MESSAGE);
            }
        }
        String d = digits.toString();
        if (!plus) {
            if (d.length() == 11 && d.startsWith("8")) {
                d = "7" + d.substring(1);
            } else if (d.length() == 10) {
                d = "7" + d;
            } else if (!(d.length() == 11 && d.startsWith("7"))) {
                throw new InvalidValueException("phone", MESSAGE);
            }
        }
        if (d.startsWith("7") && d.length() != 11) {
            throw new InvalidValueException("phone", MESSAGE);
        }
        return new Phone("+" + d);
    }

    @JsonValue
    public String e164() {
        return e164;
    }

    /** Russian numbers as {@code +7 (342) 254-54-54}; others as stored. */
    public String display() {
        if (e164.startsWith("+7") && e164.length() == 12) {
            String n = e164.substring(2);
            return "+7 (" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8);
        }
        return e164;
    }

    /** Just the digits, for matching searches typed in any format. */
    public String digits() {
        return e164.substring(1);
    }
}
