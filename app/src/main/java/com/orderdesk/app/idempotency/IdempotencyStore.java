package com.orderdesk.app.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Each call is one SQL statement in a short transaction of its own, apart from the command the request sends (plain
 * JDBC: a claim and its completion are one statement each, with no persistence context around them). A request that
 * goes its way touches the table twice: the claim's insert and the completion's update.
 */
@Component
class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    private static final RowMapper<IdempotencyRecord> ROW = (rs, n) -> new IdempotencyRecord(rs.getString("scope_hash"),
            rs.getString("fingerprint"), rs.getBoolean("completed"), (Integer) rs.getObject("http_status", Integer.class),
            rs.getString("content_type"), rs.getString("location"), rs.getString("etag"), rs.getBytes("body"),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IdempotencyStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Optional<IdempotencyRecord> find(String scopeHash) {
        List<IdempotencyRecord> found = transactions.execute(status -> jdbc.query(
                "select scope_hash, fingerprint, completed, http_status, content_type, location, etag, body, updated_at"
                        + " from idempotency_record where scope_hash = ?", ROW, scopeHash));
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Claims the key; false if someone holds it already (committed, or being claimed right now: the insert waits). */
    boolean claim(String scopeHash, String principal, String fingerprint) {
        OffsetDateTime now = now(clock.instant());
        try {
            transactions.executeWithoutResult(status -> jdbc.update("insert into idempotency_record"
                    + " (scope_hash, principal, fingerprint, completed, created_at, updated_at) values (?, ?, ?, false, ?, ?)",
                    scopeHash, principal, fingerprint, now, now));
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    /** Takes over a claim whose holder went silent (crashed node); true if this caller won it. */
    boolean takeOver(String scopeHash, Instant seenUpdatedAt) {
        Integer updated = transactions.execute(status -> jdbc.update("update idempotency_record set updated_at = ?"
                + " where scope_hash = ? and completed = false and updated_at = ?", now(clock.instant()), scopeHash, now(seenUpdatedAt)));
        return updated != null && updated == 1;
    }

    void complete(String scopeHash, int httpStatus, String contentType, String location, String etag, byte[] body) {
        transactions.executeWithoutResult(status -> jdbc.update("update idempotency_record set completed = true,"
                        + " http_status = ?, content_type = ?, location = ?, etag = ?, body = ?, updated_at = ? where scope_hash = ?",
                new Object[]{httpStatus, contentType, location, etag, body, now(clock.instant()), scopeHash},
                new int[]{Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARBINARY,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR}));
    }

    void release(String scopeHash) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "delete from idempotency_record where scope_hash = ? and completed = false", scopeHash));
    }

    Instant now() {
        return clock.instant();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        transactions.executeWithoutResult(status -> jdbc.update("delete from idempotency_record where created_at < ?",
                now(clock.instant().minus(RETENTION))));
    }

    private static OffsetDateTime now(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
