package com.orderdesk.shared.value;

import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;

/** Small guards that value objects and request mappers share. */
public final class Check {
    private Check() {
    }

    public static <T> T present(T value, String field, String what) {
        if (value == null) {
            throw new InvalidValueException(field, "Не указано: " + what + ".");
        }
        return value;
    }

    /** Trims and checks that the text is non-blank and at most {@code max} characters long. */
    public static String text(String value, String field, String what, int max) {
        present(value, field, what);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidValueException(field, "Не заполнено: " + what + ".");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidValueException(field,
                    "Слишком длинный текст (" + what + "): не более " + max + " символов.");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidValueException(field, "Недопустимые символы (" + what + ").");
            }
        }
        return trimmed;
    }

    /** Like {@link #text} but {@code null} or blank gives {@code null}. */
    public static String optionalText(String value, String field, String what, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, what, max);
    }

    /** Order ids are UUIDs: anything else names no order, so it is "not found", not a bad request. */
    /** An address mail can be sent to, or null when none is given: one {@code @}, a dotted domain, no spaces, ≤ 254 characters. */
    public static String optionalEmail(String value, String field, String what) {
        String email = optionalText(value, field, what, 254);
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at < 1 || at != email.lastIndexOf('@') || email.chars().anyMatch(Character::isWhitespace)
                || !email.substring(at + 1).matches("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+") || at > 64) {
            throw new com.orderdesk.shared.error.InvalidValueException(field, "Не похоже на адрес электронной почты: «" + email + "».");
        }
        // the domain is case-blind; the mailbox part is the mail server's business and stays as written
        return email.substring(0, at) + "@" + email.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public static String orderId(String raw) {
        try {
            if (raw != null && raw.length() == 36) {
                return java.util.UUID.fromString(raw).toString();
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to not found
        }
        throw RejectedException.notFound();
    }
}
