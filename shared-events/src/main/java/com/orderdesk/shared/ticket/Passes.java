package com.orderdesk.shared.ticket;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's pass (issue 30, docs/adr/022): a code the reception scans or types — the order's number, a hyphen and 24
 * digits of an HMAC-SHA256 of the order under the service's key: {@code 1006402-482915736102948571630284}. Never the
 * order's id; nobody can make one without the key (80 bits to guess), and a genuine one names one order, so it checks
 * in no other. Digits only: a handheld scanner types what it reads through the keyboard, and on a Russian layout
 * letters would arrive as Cyrillic ones.
 */
public final class Passes {
    private static final Pattern CODE = Pattern.compile("([1-9]\\d{6})-(\\d{24})");
    private static final BigInteger MODULUS = BigInteger.TEN.pow(24);
    private final byte[] key;

    public Passes(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("A pass key has at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** The pass of the order {@code orderId} numbered {@code number}. */
    public String codeOf(String orderId, String number) {
        return number + "-" + signature(orderId, number);
    }

    /**
     * The order number a code names, if it has the shape of a pass ({@code code} as typed: spaces around it are
     * ignored). Whether it is genuine is {@link #isOf}'s to say, once the order of that number is found.
     */
    public static Optional<String> numberIn(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher matcher = CODE.matcher(code.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether {@code code} has the shape of a pass (genuine or not). */
    public static boolean looksLikeAPass(String code) {
        return numberIn(code).isPresent();
    }

    /** Whether {@code code} is the genuine pass of this order (compared in constant time). */
    public boolean isOf(String code, String orderId, String number) {
        if (code == null || orderId == null || number == null) {
            return false;
        }
        byte[] expected = codeOf(orderId, number).getBytes(StandardCharsets.US_ASCII);
        byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String signature(String orderId, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("pass\n" + orderId + "\n" + number).getBytes(StandardCharsets.UTF_8));
            String digits = new BigInteger(1, Arrays.copyOf(digest, 10)).mod(MODULUS).toString();
            return "0".repeat(24 - digits.length()) + digits;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
