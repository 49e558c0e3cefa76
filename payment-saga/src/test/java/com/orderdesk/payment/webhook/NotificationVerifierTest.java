package com.orderdesk.payment.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A notification is stored only if it comes from an allowed network and, when a secret is set, carries a fresh valid signature. */
class NotificationVerifierTest {
    private static final java.time.Clock CLOCK = java.time.Clock.fixed(Instant.parse("2030-08-01T08:32:00Z"), java.time.ZoneOffset.UTC);
    private static final byte[] BODY = "{\"type\":\"notification\"}".getBytes(StandardCharsets.UTF_8);

    private static String signature(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(NotificationVerifier.sign(secret, Long.toString(timestamp), body));
    }

    @Test
    void withoutSettingsEverythingIsAcceptedForTheGatewayFetchToJudge() {
        NotificationVerifier verifier = new NotificationVerifier(new WebhookProperties(List.of(), null, Duration.ofMinutes(5)), CLOCK);
        assertThat(verifier.refusal("203.0.113.9", null, BODY)).isEmpty();
    }

    @Test
    void onlyAllowedNetworksMayNotify() {
        NotificationVerifier verifier = new NotificationVerifier(new WebhookProperties(
                List.of("185.71.76.0/27", "77.75.156.11/32", "2a02:5180::/32"), null, Duration.ofMinutes(5)), CLOCK);
        assertThat(verifier.refusal("185.71.76.10", null, BODY)).isEmpty();
        assertThat(verifier.refusal("77.75.156.11", null, BODY)).isEmpty();
        assertThat(verifier.refusal("2a02:5180::1", null, BODY)).isEmpty();
        assertThat(verifier.refusal("185.71.76.40", null, BODY)).contains("source address not allowed");
        assertThat(verifier.refusal("127.0.0.1", null, BODY)).isPresent();
    }

    @Test
    void signedModeNeedsAValidFreshSignature() {
        NotificationVerifier verifier = new NotificationVerifier(new WebhookProperties(List.of(), "s3cret", Duration.ofMinutes(5)), CLOCK);
        long now = CLOCK.instant().getEpochSecond();
        assertThat(verifier.refusal("127.0.0.1", signature("s3cret", now, BODY), BODY)).isEmpty();
        assertThat(verifier.refusal("127.0.0.1", null, BODY)).contains("signature missing");
        assertThat(verifier.refusal("127.0.0.1", signature("wrong", now, BODY), BODY)).contains("signature does not match");
        assertThat(verifier.refusal("127.0.0.1", signature("s3cret", now, BODY), "{\"changed\":1}".getBytes(StandardCharsets.UTF_8)))
                .contains("signature does not match");
        assertThat(verifier.refusal("127.0.0.1", signature("s3cret", now - 301, BODY), BODY)).contains("signature outside the replay window");
        assertThat(verifier.refusal("127.0.0.1", "t=abc,v1=zz", BODY)).contains("signature malformed");
    }
}
