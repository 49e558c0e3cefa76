package com.orderdesk.payment.webhook;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Proves a call is the gateway's before anything is stored: the source network (optional allow-list), and for
 * gateways that sign, an HMAC-SHA256 over {@code timestamp + "." + body} within the replay window
 * ({@code X-Signature: t=<unix seconds>,v1=<hex>}). YooKassa signs nothing, so with it the stored notification is
 * never trusted either: its object is fetched again from the gateway before anything is recorded.
 */
@Component
class NotificationVerifier {
    static final String SIGNATURE_HEADER = "X-Signature";

    private final WebhookProperties properties;
    private final List<IpAddressMatcher> networks;
    private final Clock clock;

    NotificationVerifier(WebhookProperties properties, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.networks = properties.allowedNetworks().stream().filter(n -> !n.isBlank()).map(IpAddressMatcher::new).toList();
    }

    /** Why the call is refused, or empty when it may be stored. */
    Optional<String> refusal(String remoteAddress, String signature, byte[] body) {
        if (!networks.isEmpty() && networks.stream().noneMatch(network -> network.matches(remoteAddress))) {
            return Optional.of("source address not allowed");
        }
        String secret = properties.signingSecret();
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        if (signature == null) {
            return Optional.of("signature missing");
        }
        String timestamp = null;
        String given = null;
        for (String part : signature.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                given = pair[1];
            }
        }
        if (timestamp == null || given == null || !timestamp.matches("\\d{1,12}")) {
            return Optional.of("signature malformed");
        }
        long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (age > properties.replayWindow().toSeconds()) {
            return Optional.of("signature outside the replay window");
        }
        byte[] expected = sign(secret, timestamp, body);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given);
        } catch (IllegalArgumentException e) {
            return Optional.of("signature malformed");
        }
        return MessageDigest.isEqual(expected, actual) ? Optional.empty() : Optional.of("signature does not match");
    }

    static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
