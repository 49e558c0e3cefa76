package com.orderdesk.command.retry;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyRetryTest {
    /** The retries' own executor: shut down and drained, it has run every retry that was scheduled. */
    private final ScheduledThreadPoolExecutor retries = new ScheduledThreadPoolExecutor(1);
    private final ConcurrencyRetry retry = new ConcurrencyRetry(2, retries);
    private final AtomicInteger dispatched = new AtomicInteger();

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    /** Every retry scheduled so far has run (the executor drains its delayed tasks before it terminates). */
    private void allRetriesRun() throws InterruptedException {
        retries.shutdown();
        assertThat(retries.awaitTermination(10, TimeUnit.SECONDS)).as("the scheduled retries ran").isTrue();
    }

    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            @SuppressWarnings("unchecked")
            Class<? extends Throwable>[] chain = new Class[] {ConcurrencyException.class};
            failures.add(chain);
        }
        return failures;
    }

    @Test
    void aLostRaceForTheNextSequenceNumberIsDecidedAgain() throws Exception {
        CountDownLatch again = new CountDownLatch(1);
        boolean scheduled = retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new ConcurrencyException("sequence 3 already inserted", new SQLException("duplicate key")), failures(1), again::countDown);
        assertThat(scheduled).isTrue();
        assertThat(again.await(10, TimeUnit.SECONDS)).isTrue();
        // also when it reaches the gateway wrapped
        assertThat(ConcurrencyRetry.lostARace(new CommandExecutionException("x", new ConcurrencyException("y")))).isTrue();
    }

    @Test
    void aStaleIfMatchABusinessRefusalOrTooManyAttemptsAreNotRetried() throws InterruptedException {
        Runnable never = dispatched::incrementAndGet;
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new ConflictingAggregateVersionException("order", 2, 3), failures(1), never)).isFalse();
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new IllegalStateException("Остаток к оплате не должен быть менее 50 ₽"), failures(1), never)).isFalse();
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new ConcurrencyException("again"), failures(3), never)).isFalse();
        allRetriesRun();
        assertThat(dispatched).as("commands dispatched again").hasValue(0);
    }
}
