package com.orderdesk.notifications;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The links in mails: what one names is readable only with the secret that signed it, and only for its own purpose. */
class MailLinksTest {
    private static MailLinks links(String secret) {
        return new MailLinks(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignedLinkNamesItsOrderAndAddressAndNothingElseReads() {
        MailLinks links = links("secret-1");
        String token = links.token(MailLinks.UNSUBSCRIBE, "o-1", "troshkov@example.com");
        assertThat(links.read(MailLinks.UNSUBSCRIBE, token)).contains(new MailLinks.Link("o-1", "troshkov@example.com"));
        // another address or another order with this signature, another secret, garbage: nothing
        String otherAddress = links.token(MailLinks.UNSUBSCRIBE, "o-1", "victim@example.com").split("\\.")[0] + "." + token.split("\\.")[1];
        String otherOrder = links.token(MailLinks.UNSUBSCRIBE, "o-2", "troshkov@example.com").split("\\.")[0] + "." + token.split("\\.")[1];
        assertThat(links.read(MailLinks.UNSUBSCRIBE, otherAddress)).isEmpty();
        assertThat(links.read(MailLinks.UNSUBSCRIBE, otherOrder)).isEmpty();
        assertThat(links("secret-2").read(MailLinks.UNSUBSCRIBE, token)).isEmpty();
        assertThat(links.read(MailLinks.UNSUBSCRIBE, "garbage")).isEmpty();
        assertThat(links.read(MailLinks.UNSUBSCRIBE, "a.b.c")).isEmpty();
        assertThat(links.read(MailLinks.UNSUBSCRIBE, null)).isEmpty();
    }

    @Test
    void aLinkServesOnlyItsOwnPurpose() {
        MailLinks links = links("secret-1");
        String unsubscribe = links.token(MailLinks.UNSUBSCRIBE, "o-1", "troshkov@example.com");
        String confirm = links.token(MailLinks.CONFIRM, "o-1", "troshkov@example.com");
        assertThat(links.read(MailLinks.CONFIRM, unsubscribe)).isEmpty();
        assertThat(links.read(MailLinks.UNSUBSCRIBE, confirm)).isEmpty();
        assertThat(links.read(MailLinks.CONFIRM, confirm)).contains(new MailLinks.Link("o-1", "troshkov@example.com"));
    }

    @Test
    void anUnsubscribeLinkOfTheFirstVersionStillTurnsMailOffAndNothingElse() throws Exception {
        // before purposes were named, a link signed "order\naddress"
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString("o-1\ntroshkov@example.com".getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("secret-1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String old = body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(links("secret-1").read(MailLinks.UNSUBSCRIBE, old)).contains(new MailLinks.Link("o-1", "troshkov@example.com"));
        assertThat(links("secret-1").read(MailLinks.CONFIRM, old)).isEmpty();
    }
}
