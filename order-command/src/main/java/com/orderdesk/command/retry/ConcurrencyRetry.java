package com.orderdesk.command.retry;

import com.orderdesk.shared.ModuleApi;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost a race for its order's next event — two nodes appended the same sequence number and
 * the store's unique key refused the second ({@link ConcurrencyException}). The retry loads the order again and
 * decides again, so every rule (the 50 ₽ remainder, the refund due) is checked against the winner's change. A
 * stale {@code If-Match} ({@link ConflictingModificationException}) is the client's to resolve and is never retried.
 */
@ModuleApi
public class ConcurrencyRetry implements RetryScheduler {
    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetry.class);
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    private final int maxRetries;
    private final ScheduledExecutorService retries;

    public ConcurrencyRetry(int maxRetries) {
        this(maxRetries, RETRIES);
    }

    /** On {@code retries}: a test's own executor, to know when every retry it scheduled has run. */
    ConcurrencyRetry(int maxRetries, ScheduledExecutorService retries) {
        this.maxRetries = maxRetries;
        this.retries = retries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!lostARace(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the command ran inside its request's transaction (an Idempotency-Key request, docs/adr/017): that
            // transaction is spoiled, so the whole request runs again, not the command alone on another thread
            return false;
        }
        long delay = 10L * failures.size() + ThreadLocalRandom.current().nextLong(20);
        log.info("Command {} lost a race for its order (attempt {}); retrying in {} ms", commandMessage.getPayloadType().getSimpleName(),
                failures.size(), delay);
        retries.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Whether {@code failure} is a lost race for the order's next event (not a stale If-Match). */
    public static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConflictingModificationException) {
                return false;
            }
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
