package com.orderdesk.payment.webhook;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import com.orderdesk.payment.saga.KnownPayments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The durable inbox of gateway notifications. Each call is one short transaction. */
@Component
class NotificationInbox {
    static final Duration CLAIM = Duration.ofSeconds(60);

    @PersistenceContext
    private EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final KnownPayments knownPayments;

    NotificationInbox(PlatformTransactionManager transactionManager, KnownPayments knownPayments, Clock clock) {
        this.clock = clock;
        this.knownPayments = knownPayments;
        transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores a notification, or counts one more delivery of a known one. Returns true if it is to be processed (new,
     * or opened again). A delivery of a notification that was set aside as unconfirmed opens it again: a forgery
     * that arrived first must never swallow the genuine notification with the same key.
     */
    boolean store(String event, String objectId, String body) {
        Boolean stored = transactions.execute(status -> {
            InboxEntry known = entityManager.find(InboxEntry.class, event + ":" + objectId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (known != null) {
                known.deliveries++;
                if (known.processedAt != null && known.outcome != null && known.outcome.startsWith(InboxEntry.REJECTED)) {
                    known.processedAt = null;
                    known.attempts = 0;
                    known.nextAttemptAt = clock.instant();
                    known.body = body;
                    return true;
                }
                return false;
            }
            int priority = event.startsWith("payment.") && knownPayments.knows(objectId) ? 0 : 1;
            entityManager.persist(new InboxEntry(event, objectId, body, clock.instant(), priority));
            entityManager.flush();
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    /** Notifications due for processing, claimed for this worker so no one else processes them meanwhile. */
    List<InboxEntry> claimDue(int limit) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<InboxEntry> due = entityManager.createQuery(
                            "select e from InboxEntry e where e.processedAt is null and e.nextAttemptAt <= :now"
                                    + " and (e.claimedUntil is null or e.claimedUntil < :now) order by e.priority, e.receivedAt", InboxEntry.class)
                    .setParameter("now", now).setMaxResults(limit).getResultList();
            due.forEach(entry -> entry.claimedUntil = now.plus(CLAIM));
            return due;
        });
    }

    double countPending() {
        return entityManager.createQuery("select count(e) from InboxEntry e where e.processedAt is null", Long.class).getSingleResult();
    }

    double oldestPendingAgeSeconds() {
        Instant oldest = entityManager.createQuery("select min(e.receivedAt) from InboxEntry e where e.processedAt is null", Instant.class)
                .getSingleResult();
        return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis() / 1000.0;
    }

    double countRejected() {
        return entityManager.createQuery("select count(e) from InboxEntry e where e.outcome like :rejected", Long.class)
                .setParameter("rejected", InboxEntry.REJECTED + "%").getSingleResult();
    }

    void done(String key, String outcome) {
        transactions.executeWithoutResult(status -> {
            // locked, as a delivery counting itself locks it: neither overwrites what the other wrote
            InboxEntry entry = entityManager.find(InboxEntry.class, key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            entry.processedAt = clock.instant();
            entry.outcome = outcome;
            entry.claimedUntil = null;
            entry.attempts++;
        });
    }

    void later(String key, String why) {
        later(key, why, null);
    }

    /** Tries again later: after {@code delay}, or with exponential backoff (2 s … 5 min) when it is null. */
    void later(String key, String why, Duration delay) {
        transactions.executeWithoutResult(status -> {
            InboxEntry entry = entityManager.find(InboxEntry.class, key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            entry.attempts++;
            long seconds = delay != null ? delay.toSeconds() : Math.min(300, 1L << Math.min(entry.attempts, 9));
            entry.nextAttemptAt = clock.instant().plusSeconds(seconds);
            entry.claimedUntil = null;
            entry.outcome = "retrying: " + why;
        });
    }
}
