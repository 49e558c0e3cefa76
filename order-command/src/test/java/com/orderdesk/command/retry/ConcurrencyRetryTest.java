package com.orderdesk.command.retry;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyRetryTest {
    private final ConcurrencyRetry retry = new ConcurrencyRetry(2);

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
        CountDownLatch dispatched = new CountDownLatch(1);
        boolean scheduled = retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new ConcurrencyException("sequence 3 already inserted", new SQLException("duplicate key")), failures(1), dispatched::countDown);
        assertThat(scheduled).isTrue();
        assertThat(dispatched.await(2, TimeUnit.SECONDS)).isTrue();
        // also when it reaches the gateway wrapped
        assertThat(ConcurrencyRetry.lostARace(new CommandExecutionException("x", new ConcurrencyException("y")))).isTrue();
    }

    @Test
    void aStaleIfMatchABusinessRefusalOrTooManyAttemptsAreNotRetried() {
        Runnable never = () -> {
            throw new AssertionError("must not dispatch again");
        };
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new ConflictingAggregateVersionException("order", 2, 3), failures(1), never)).isFalse();
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new IllegalStateException("Остаток к оплате не должен быть менее 50 ₽"), failures(1), never)).isFalse();
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("pay"),
                new ConcurrencyException("again"), failures(3), never)).isFalse();
    }
}
