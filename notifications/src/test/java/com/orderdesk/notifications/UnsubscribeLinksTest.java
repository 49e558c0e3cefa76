package com.orderdesk.notifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The unsubscribe link: what it names is readable only with the secret that signed it. */
class UnsubscribeLinksTest {
    private static UnsubscribeLinks links(String secret) {
        return new UnsubscribeLinks(new NotificationsProperties("x", "http://localhost", secret, 8, Duration.ofSeconds(5),
                Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMinutes(2), 18, Duration.ofMinutes(5)));
    }

    @Test
    void aSignedLinkNamesItsOrderAndAddressAndNothingElseReads() {
        UnsubscribeLinks links = links("secret-1");
        String token = links.token("o-1", "troshkov@example.com");
        assertThat(links.read(token)).contains(new UnsubscribeLinks.Unsubscribe("o-1", "troshkov@example.com"));
        // another address with this signature, another secret, garbage: nothing
        String forged = links.token("o-1", "victim@example.com").split("\\.")[0] + "." + token.split("\\.")[1];
        assertThat(links.read(forged)).isEmpty();
        assertThat(links("secret-2").read(token)).isEmpty();
        assertThat(links.read("garbage")).isEmpty();
        assertThat(links.read("a.b.c")).isEmpty();
        assertThat(links.read(null)).isEmpty();
    }
}
