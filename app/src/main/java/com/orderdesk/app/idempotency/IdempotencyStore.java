package com.orderdesk.app.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code idempotency_record}, written in the transaction of the request they belong to (docs/adr/017): the
 * claim (an insert, the first statement of that transaction) and the answer (an update, the last) commit with the
 * command's events and read models, or not at all. Plain JDBC on the transaction's own connection.
 */
@Component
class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration EARLIER_VERSION_TAKEOVER = Duration.ofSeconds(60);
    private static final RowMapper<IdempotencyRecord> ROW = (rs, n) -> new IdempotencyRecord(rs.getString("scope_hash"),
            rs.getString("fingerprint"), rs.getBoolean("completed"), (Integer) rs.getObject("http_status", Integer.class),
            rs.getString("content_type"), rs.getString("location"), rs.getString("etag"), rs.getBytes("body"),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;
    /**
     * The claim waits at most {@link IdempotencyFilter#TWIN_WAIT} for a twin's transaction to end (its row is locked
     * until then): the statement's timeout on PostgreSQL. Not on H2: there a statement's timeout is the session's
     * {@code SET QUERY_TIMEOUT}, which empties every session's statement cache (every later statement of every request
     * parsed again: 10 % of a payment's time in H2's parser, async-profiler, docs/benchmarks.md) and stays on the pooled
     * connection for whatever it runs next (an export then stopped after 5 s); H2's own lock timeout
     * ({@code LOCK_TIMEOUT}, 10 s) bounds the wait there.
     */
    private final JdbcTemplate claims;
    private final Clock clock;

    IdempotencyStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.claims = new JdbcTemplate(dataSource);
        if (!isH2(dataSource)) {
            this.claims.setQueryTimeout((int) IdempotencyFilter.TWIN_WAIT.toSeconds());
        }
        this.clock = clock;
    }

    private static boolean isH2(DataSource dataSource) {
        try {
            return "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("the store did not say what it is", e);
        }
    }

    Optional<IdempotencyRecord> find(String scopeHash) {
        List<IdempotencyRecord> found = jdbc.query(
                "select scope_hash, fingerprint, completed, http_status, content_type, location, etag, body, updated_at"
                        + " from idempotency_record where scope_hash = ?", ROW, scopeHash);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Claims the key in the current transaction. A twin's uncommitted claim makes the insert wait for that transaction:
     * then it fails as a duplicate (the twin committed) or succeeds (the twin rolled back); a lock held longer than
     * {@link IdempotencyFilter#TWIN_WAIT} fails it as a timeout.
     */
    void claim(String scopeHash, String principal, String fingerprint) {
        OffsetDateTime now = now(clock.instant());
        claims.update("insert into idempotency_record (scope_hash, principal, fingerprint, completed, created_at, updated_at)"
                + " values (?, ?, ?, false, ?, ?)", scopeHash, principal, fingerprint, now, now);
    }

    /** The answer, in the same transaction as the claim and the command. */
    void complete(String scopeHash, int httpStatus, String contentType, String location, String etag, byte[] body) {
        jdbc.update("update idempotency_record set completed = true,"
                        + " http_status = ?, content_type = ?, location = ?, etag = ?, body = ?, updated_at = ? where scope_hash = ?",
                new Object[]{httpStatus, contentType, location, etag, body, now(clock.instant()), scopeHash},
                new int[]{Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARBINARY,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR});
    }

    /**
     * Whether a committed claim without an answer may belong to a request still running: an earlier version wrote its
     * claim in a transaction of its own and took over one silent for {@link #EARLIER_VERSION_TAKEOVER}; younger ones are
     * left alone (a rolling upgrade runs both versions side by side).
     */
    boolean mayStillRun(IdempotencyRecord record) {
        return record.updatedAt().isAfter(clock.instant().minus(EARLIER_VERSION_TAKEOVER));
    }

    /**
     * A claim left by an earlier version, which wrote it in a transaction of its own: a request that died between that
     * claim and its answer. Nothing of it committed with it, so it is dropped and the request runs afresh.
     */
    boolean dropLeftoverClaim(String scopeHash) {
        return jdbc.update("delete from idempotency_record where scope_hash = ? and completed = false", scopeHash) == 1;
    }

    /** Forgets answers older than {@link #RETENTION}: a key used again after that is a new request (new ids). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    int purgeExpired() {
        return jdbc.update("delete from idempotency_record where created_at < ?", now(clock.instant().minus(RETENTION)));
    }

    private static OffsetDateTime now(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
