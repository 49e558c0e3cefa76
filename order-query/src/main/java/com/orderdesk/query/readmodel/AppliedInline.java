package com.orderdesk.query.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the inline path applied in transactions that committed on this node (docs/adr/011), so that the catch-up
 * processors pass over those events without reading them or the read models' rows: each such event is remembered,
 * per read model, from its command's commit until the catch-up processor reaches it (or ten minutes, or the oldest
 * of 100 000 are dropped — then the catch-up processor simply checks the rows, as it would have anyway).
 * <p>
 * Only what is certain is remembered: an event a read model applied (or found nothing to change for) in a
 * transaction that committed, with no read-model failure in it ({@link InlineFailures} drops all pending read-model
 * changes of the transaction). A replay never passes over anything, and a reset forgets the read model's events.
 */
public class AppliedInline {
    private static final String PENDING = AppliedInline.class.getName() + ".pending";
    private static final String FAILED = AppliedInline.class.getName() + ".failed";

    private final Cache<String, Boolean> applied = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /** The inline path applied this event to {@code readModel}; remembered once its transaction commits. */
    void record(String readModel, String orderId, long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<String> pending = root.getOrComputeResource(PENDING, name -> {
            List<String> keys = new ArrayList<>();
            // remembered once the database commits (the request's transaction may end after the unit of work)
            AfterCommit.run(() -> {
                if (!Boolean.TRUE.equals(root.getResource(FAILED))) {
                    keys.forEach(key -> applied.put(key, Boolean.TRUE));
                }
            });
            return keys;
        });
        pending.add(key(readModel, orderId, sequence));
    }

    /** A read model failed in this transaction: none of its inline work is remembered. */
    static void failed() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(FAILED, Boolean.TRUE);
        }
    }

    /** Whether the inline path applied this event to {@code readModel}; forgets it (the catch-up reaches each once). */
    boolean consume(String readModel, String orderId, long sequence) {
        return applied.asMap().remove(key(readModel, orderId, sequence)) != null;
    }

    /** The read model was reset: whatever it had applied is gone. */
    void forget(String readModel) {
        String prefix = readModel + '|';
        applied.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }

    private static String key(String readModel, String orderId, long sequence) {
        return readModel + '|' + orderId + '|' + sequence;
    }

    /** The catch-up processor's shortcut: an event the inline path applied is not handled again. */
    MessageHandlerInterceptor<EventMessage<?>> skipFor(String readModel) {
        return (unitOfWork, chain) -> skipped(readModel, unitOfWork.getMessage()) ? null : chain.proceed();
    }

    private boolean skipped(String readModel, EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain && !ReplayToken.isReplay(event)
                && consume(readModel, domain.getAggregateIdentifier(), domain.getSequenceNumber());
    }
}
