package com.orderdesk.app.idempotency;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Each call is its own short transaction, apart from the command the request sends. */
@Component
class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);

    @PersistenceContext
    private EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IdempotencyStore(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Clock.systemUTC();
    }

    Optional<IdempotencyRecord> find(String scopeHash) {
        return Optional.ofNullable(transactions.execute(status -> {
            IdempotencyRecord found = entityManager.find(IdempotencyRecord.class, scopeHash);
            if (found != null) {
                entityManager.detach(found);
            }
            return found;
        }));
    }

    /** Claims the key; false if someone else holds it already. */
    boolean claim(String scopeHash, String principal, String fingerprint) {
        try {
            transactions.executeWithoutResult(status -> {
                entityManager.persist(new IdempotencyRecord(scopeHash, principal, fingerprint, clock.instant()));
                entityManager.flush();
            });
            return true;
        } catch (RuntimeException alreadyClaimed) {
            return false;
        }
    }

    /** Takes over a claim whose holder went silent (crashed node); true if this caller won it. */
    boolean takeOver(String scopeHash, Instant seenUpdatedAt) {
        Integer updated = transactions.execute(status -> entityManager.createQuery(
                        "update IdempotencyRecord r set r.updatedAt = :now where r.scopeHash = :id and r.completed = false and r.updatedAt = :seen")
                .setParameter("now", clock.instant()).setParameter("id", scopeHash).setParameter("seen", seenUpdatedAt)
                .executeUpdate());
        return updated != null && updated == 1;
    }

    void complete(String scopeHash, int httpStatus, String contentType, String location, String etag, byte[] body) {
        transactions.executeWithoutResult(status -> {
            IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, scopeHash);
            if (record != null) {
                record.completed = true;
                record.httpStatus = httpStatus;
                record.contentType = contentType;
                record.location = location;
                record.etag = etag;
                record.body = body;
                record.updatedAt = clock.instant();
            }
        });
    }

    void release(String scopeHash) {
        transactions.executeWithoutResult(status -> entityManager.createQuery(
                "delete from IdempotencyRecord r where r.scopeHash = :id and r.completed = false")
                .setParameter("id", scopeHash).executeUpdate());
    }

    Instant now() {
        return clock.instant();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        Instant cutoff = clock.instant().minus(RETENTION);
        transactions.executeWithoutResult(status -> entityManager.createQuery(
                "delete from IdempotencyRecord r where r.createdAt < :cutoff").setParameter("cutoff", cutoff).executeUpdate());
    }
}
