package com.orderdesk.payment.webhook;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
    private final Clock clock = Clock.systemUTC();

    NotificationInbox(PlatformTransactionManager transactionManager) {
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
            entityManager.persist(new InboxEntry(event, objectId, body, clock.instant()));
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
                                    + " and (e.claimedUntil is null or e.claimedUntil < :now) order by e.receivedAt", InboxEntry.class)
                    .setParameter("now", now).setMaxResults(limit).getResultList();
            due.forEach(entry -> entry.claimedUntil = now.plus(CLAIM));
            return due;
        });
    }

    void done(String key, String outcome) {
        transactions.executeWithoutResult(status -> {
            InboxEntry entry = entityManager.find(InboxEntry.class, key);
            entry.processedAt = clock.instant();
            entry.outcome = outcome;
            entry.claimedUntil = null;
            entry.attempts++;
        });
    }

    void later(String key, String why) {
        transactions.executeWithoutResult(status -> {
            InboxEntry entry = entityManager.find(InboxEntry.class, key);
            entry.attempts++;
            long seconds = Math.min(300, 1L << Math.min(entry.attempts, 9));
            entry.nextAttemptAt = clock.instant().plusSeconds(seconds);
            entry.claimedUntil = null;
            entry.outcome = "retrying: " + why;
        });
    }
}
