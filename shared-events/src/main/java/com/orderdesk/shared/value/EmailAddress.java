package com.orderdesk.shared.value;

import com.orderdesk.shared.error.InvalidValueException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one judge of an e-mail address, for the API, the mailer and fiscal receipts alike: a dot-atom mailbox (letters of
 * any script, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots between them — no commas, angle brackets, quotes or spaces, so one
 * address is always one recipient), {@code @}, and a domain of at least two labels of letters, digits and inner
 * hyphens. At most 64 characters before the {@code @}, 254 in all. The domain is case-blind and kept in lower case;
 * the mailbox stays as written. Case is folded for the letters A–Z only: Unicode's case rules would make look-alikes
 * one address (the Kelvin sign folds to k, dotless ı and long ſ to i and s), and another domain is another owner.
 */
public final class EmailAddress {
    private static final Pattern MAILBOX = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    private EmailAddress() {
    }

    /** The address as it is kept, or empty when {@code raw} is not one. */
    public static Optional<String> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip();
        int at = email.lastIndexOf('@');
        if (email.length() > 254 || at < 1 || at > 64 || !MAILBOX.matcher(email.substring(0, at)).matches()) {
            return Optional.empty();
        }
        String[] labels = email.substring(at + 1).split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(email.substring(0, at) + "@" + asciiLowerCase(email.substring(at + 1)));
    }

    /** Whether two addresses are one: equal but for the case of the letters A–Z. */
    public static boolean same(String one, String other) {
        return one != null && other != null && key(one).equals(key(other));
    }

    /** The address as addresses are compared, counted and turned off: A–Z in lower case, nothing else changed. */
    public static String key(String email) {
        return asciiLowerCase(email.strip());
    }

    /** A–Z in lower case; every other character as it is. */
    static String asciiLowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** The address, or a refusal on {@code field}; null or blank gives null (none given). */
    public static String optional(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return of(raw).orElseThrow(() -> new InvalidValueException(field, "Не похоже на адрес электронной почты: «"
                + Check.printable(raw.strip()) + "». Один адрес вида имя@домен.ru, без пробелов, запятых и угловых скобок."));
    }

    /** What a stored value holds, kept as it was written (the domain in lower case when there is one): for reading events. */
    static String normalized(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip();
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at) + "@" + asciiLowerCase(email.substring(at + 1));
    }
}
