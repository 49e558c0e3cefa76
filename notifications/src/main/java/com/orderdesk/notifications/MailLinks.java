package com.orderdesk.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The links in mails that act without a login: "turn e-mails off" (every mail) and "confirm this address" (the mail to
 * an address a guest gave that is not theirs). Each names its purpose, the order and the address, signed with
 * HMAC-SHA256: nobody can act for another order or address by guessing, and a link of one purpose never serves the
 * other. Unsubscribe links written before purposes were named (order and address only) still turn mail off.
 */
@Component
@org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization // its key may live in a table the migrations make
class MailLinks {
    private static final Logger log = LoggerFactory.getLogger(MailLinks.class);
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String CONFIRM = "confirm";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    /** What a valid link names. */
    record Link(String orderId, String email) {
    }

    /**
     * Signs with {@code orderdesk.notifications.unsubscribe-secret} when it is set; otherwise with a random key the
     * first node to start made and stored in the database ({@code mail_link_secret}), so that every node and every
     * restart reads links the others wrote (one key per node broke a link opened on the other node, or after a restart).
     */
    @org.springframework.beans.factory.annotation.Autowired
    MailLinks(NotificationsProperties settings, javax.sql.DataSource dataSource) {
        this(settings.unsubscribeSecret() == null || settings.unsubscribeSecret().isBlank()
                ? stored(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
                : settings.unsubscribeSecret().getBytes(StandardCharsets.UTF_8));
    }

    MailLinks(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The service's own key: made once, by whichever node comes first; every other start reads it. */
    private static byte[] stored(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        java.util.List<String> found = jdbc.queryForList("select secret from mail_link_secret where id = 1", String.class);
        if (found.isEmpty()) {
            byte[] made = new byte[32];
            new SecureRandom().nextBytes(made);
            try {
                jdbc.update("insert into mail_link_secret (id, secret) values (1, ?)", Base64.getEncoder().encodeToString(made));
                log.info("Mail links are signed with a key made now and kept in the database (orderdesk.notifications.unsubscribe-secret "
                        + "is not set)");
            } catch (org.springframework.dao.DuplicateKeyException anotherNodeFirst) {
                log.debug("Another node made the mail links' key first");
            }
            found = jdbc.queryForList("select secret from mail_link_secret where id = 1", String.class);
        }
        return Base64.getDecoder().decode(found.get(0));
    }

    String token(String purpose, String orderId, String email) {
        String body = B64.encodeToString((purpose + "\n" + orderId + "\n" + email).getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(sign(body));
    }

    /** What a link of {@code purpose} names, if the token is one, signed here. */
    Optional<Link> read(String purpose, String token) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(body), Base64.getUrlDecoder().decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n", 3);
            if (parts.length == 3) {
                return parts[0].equals(purpose) ? Optional.of(new Link(parts[1], parts[2])) : Optional.empty();
            }
            // the first unsubscribe links named no purpose
            return parts.length == 2 && UNSUBSCRIBE.equals(purpose) ? Optional.of(new Link(parts[0], parts[1])) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
