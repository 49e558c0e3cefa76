package com.orderdesk.shared.value;

import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;

/**
 * Small guards that value objects and request mappers share. {@link #text} is the lenient invariant of a value (it also
 * runs when stored events are read, so it must accept what earlier versions stored); {@link #line} and
 * {@link #paragraph} are the strict rules for what a person types, applied where a command is decided.
 */
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
    /** One line a person typed (a name, a ticket, a role): no line breaks or tabs. See {@link #typed}. */
    public static String line(String value, String field, String what, int max) {
        return typed(value, field, what, max, false);
    }

    /** Like {@link #line}; null or blank (in Unicode's sense) gives null. */
    public static String optionalLine(String value, String field, String what, int max) {
        return isBlank(value) ? null : line(value, field, what, max);
    }

    /** Text a person typed that may run over several lines (a message, a reason). See {@link #typed}. */
    public static String paragraph(String value, String field, String what, int max) {
        return typed(value, field, what, max, true);
    }

    /** Like {@link #paragraph}; null or blank (in Unicode's sense) gives null. */
    public static String optionalParagraph(String value, String field, String what, int max) {
        return isBlank(value) ? null : paragraph(value, field, what, max);
    }

    /**
     * What a person typed, trimmed of Unicode spaces and invisible format characters (zero-width spaces, BOM) at both
     * ends, and refused on {@code field} when nothing else is left, when it is longer than {@code max} characters, or
     * when it holds an unpaired surrogate, a Unicode non-character or a control character — line breaks and tabs only in
     * a {@code multiline} text.
     */
    static String typed(String value, String field, String what, int max, boolean multiline) {
        present(value, field, what);
        if (isBlank(value)) {
            throw new InvalidValueException(field, "Не заполнено: " + what + ".");
        }
        int start = 0;
        int end = value.length();
        while (start < end && invisible(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && invisible(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        String trimmed = value.substring(start, end);
        for (int i = 0; i < trimmed.length(); ) {
            char c = trimmed.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < trimmed.length()
                    && Character.isLowSurrogate(trimmed.charAt(i + 1)))) {
                throw new InvalidValueException(field, "Недопустимый символ (" + what + "): половина суррогатной пары в позиции " + (i + 1) + ".");
            }
            int cp = trimmed.codePointAt(i);
            if (nonCharacter(cp)) {
                throw new InvalidValueException(field, "Недопустимый символ (" + what + "): U+" + Integer.toHexString(cp).toUpperCase()
                        + " не является символом Юникода.");
            }
            if (directionOverride(cp)) {
                throw new InvalidValueException(field, "Недопустимый символ (" + what + "): U+" + Integer.toHexString(cp).toUpperCase()
                        + " меняет направление текста и может выдать одно за другое.");
            }
            if (!multiline && (cp == 0x2028 || cp == 0x2029)) {
                throw new InvalidValueException(field, "Должно быть одной строкой (" + what + "): переводы строки, табуляция и управляющие символы недопустимы.");
            }
            if (Character.getType(cp) == Character.CONTROL && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) {
                throw new InvalidValueException(field, multiline
                        ? "Недопустимые управляющие символы (" + what + ")."
                        : "Должно быть одной строкой (" + what + "): переводы строки, табуляция и управляющие символы недопустимы.");
            }
            i += Character.charCount(cp);
        }
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidValueException(field, "Слишком длинный текст (" + what + "): не более " + max + " символов.");
        }
        return trimmed;
    }

    /** Blank as a person sees it: nothing but spaces of any kind and invisible format characters. */
    public static boolean isBlank(String value) {
        return value == null || value.codePoints().allMatch(Check::invisible);
    }

    /** A space of any kind (including no-break spaces), a line break, or an invisible format character (zero-width space, BOM). */
    private static boolean invisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT;
    }

    /**
     * The explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what is
     * shown without changing what is stored, so a name could read as another in staff tools. Right-to-left text needs
     * none of them.
     */
    private static boolean directionOverride(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    /** U+FDD0–U+FDEF and the last two code points of every plane: never characters, never to be exchanged. */
    private static boolean nonCharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    /** A value shown back in an error message: surrogate halves and controls made visible, at most 80 characters. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.SURROGATE || nonCharacter(cp)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * A calendar day a client names ({@code YYYY-MM-DD}) for a page of days (availability, the day board): within the
     * years 2000–2999, so that no request reads or counts across millennia.
     */
    public static java.time.LocalDate day(String raw, String field, String what) {
        String text = text(raw, field, what, 40);
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException(field, "Не удалось прочитать: " + what + " («" + text + "»).");
        }
        if (day.getYear() < 2000 || day.getYear() > 2999) {
            throw new InvalidValueException(field, "Дата вне допустимого диапазона (2000–2999 гг.).");
        }
        return day;
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
