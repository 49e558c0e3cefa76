package com.orderdesk.query.export;

/**
 * Text as it goes into an exported file (CSV, XLSX), whatever was stored: a broken character (an unpaired surrogate, a
 * non-character, a control other than a line break or tab) becomes U+FFFD, so writing a file never fails half-way on
 * data; and a CSV cell that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return — OWASP's list) is neutralised with a leading apostrophe, so it is shown, never evaluated.
 */
public final class CellText {
    private static final char REPLACEMENT = '\uFFFD';

    private CellText() {
    }

    /** The text with every broken character replaced: safe to encode as UTF-8 and to put into XML. */
    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            int cp = pair ? text.codePointAt(i) : c;
            boolean broken = !pair && Character.isSurrogate(c) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE
                    || Character.getType(cp) == Character.CONTROL && c != '\n' && c != '\t' && c != '\r';
            if (broken && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (broken) {
                    out.append(REPLACEMENT);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** A CSV cell: {@link #safe}, and neutralised when a spreadsheet would take it for a formula. */
    public static String csv(String text) {
        String safe = safe(text);
        if (safe == null || safe.isEmpty()) {
            return safe == null ? "" : safe;
        }
        char first = safe.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + safe : safe;
    }
}
