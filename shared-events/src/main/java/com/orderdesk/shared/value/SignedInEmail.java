package com.orderdesk.shared.value;

/**
 * The e-mail of the signed-in person as their identity states it (the demo's profiles, a token's {@code email} claim
 * unless {@code email_verified} is false), or null when it states none: the address a guest has proved to be theirs.
 */
public record SignedInEmail(String value) {
    public SignedInEmail {
        value = value == null || value.isBlank() ? null : EmailAddress.of(value).orElse(null);
    }

    /**
     * Whether {@code email} is this address: the domain is case-blind, and so, in practice, is the mailbox — for A–Z only
     * (a look-alike in another script is another address, {@link EmailAddress#same}).
     */
    public boolean is(String email) {
        return EmailAddress.same(value, email);
    }
}
