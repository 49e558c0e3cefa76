package com.orderdesk.command.web;

import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.value.Actor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
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

    /**
     * The id of what a request creates. With an {@code Idempotency-Key} it is derived from the key and the
     * caller, so a retried request names the same payment, message or order even if its first answer was lost.
     */
    static String newId(Actor actor, String idempotencyKey, String purpose) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String seed = purpose + "|" + actor.id() + "|" + idempotencyKey;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

}
