package com.orderdesk.command.web;

import com.orderdesk.shared.error.InvalidValueException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the headers of a state-changing request mean to a command. */
final class CommandHeaders {
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?(-?\\d{1,18})\"?");

    private CommandHeaders() {
    }

    /** {@code If-Match: "5"} → 5; absent or {@code *} → no expectation. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException("If-Match", "Заголовок If-Match должен содержать версию заказа, например \"3\".");
        }
        return Long.parseLong(matcher.group(1));
    }
}
