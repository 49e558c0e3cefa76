package com.orderdesk.app.reception;

import com.orderdesk.shared.ticket.Passes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The key the guests' passes are signed with (issue 30): {@code orderdesk.tickets.pass-secret} when set (at least 16
 * characters); otherwise a random key the first node to start made and stored in the database ({@code pass_secret}),
 * so every node and every restart reads the passes the others issued — the mail links' way (notifications'
 * {@code MailLinks}). Changing the key makes every pass issued before it invalid.
 */
@Configuration(proxyBeanMethods = false)
class PassKey {
    private static final Logger log = LoggerFactory.getLogger(PassKey.class);

    @Bean
    @DependsOnDatabaseInitialization
    Passes passes(@Value("${orderdesk.tickets.pass-secret:}") String secret, DataSource dataSource) {
        if (!secret.isBlank()) {
            if (secret.length() < 16) {
                throw new IllegalStateException("orderdesk.tickets.pass-secret has at least 16 characters");
            }
            return new Passes(secret.getBytes(StandardCharsets.UTF_8));
        }
        return new Passes(stored(new JdbcTemplate(dataSource)));
    }

    private static byte[] stored(JdbcTemplate jdbc) {
        List<String> found = jdbc.queryForList("select secret from pass_secret where id = 1", String.class);
        if (found.isEmpty()) {
            byte[] made = new byte[32];
            new SecureRandom().nextBytes(made);
            try {
                jdbc.update("insert into pass_secret (id, secret) values (1, ?)", Base64.getEncoder().encodeToString(made));
                log.info("Guests' passes are signed with a key made now and kept in the database (orderdesk.tickets.pass-secret is not set)");
            } catch (DuplicateKeyException anotherNodeFirst) {
                log.debug("Another node made the passes' key first");
            }
            found = jdbc.queryForList("select secret from pass_secret where id = 1", String.class);
        }
        return Base64.getDecoder().decode(found.get(0));
    }
}
