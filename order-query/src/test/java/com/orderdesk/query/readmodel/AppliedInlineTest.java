package com.orderdesk.query.readmodel;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the catch-up processors may pass over: only what the inline path applied in a transaction that committed cleanly. */
class AppliedInlineTest {
    private final AppliedInline applied = new AppliedInline();

    private static DomainEventMessage<String> event(String orderId, long sequence) {
        return new GenericDomainEventMessage<>("Order", orderId, sequence, "payload");
    }

    @Test
    void rememberedOnlyOnceTheTransactionCommits() {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event("o-1", 3));
        applied.record("order-list", "o-1", 3);
        assertThat(applied.consume("order-list", "o-1", 3)).as("not before the commit").isFalse();
        unitOfWork.commit();

        assertThat(applied.consume("order-detail", "o-1", 3)).as("per read model").isFalse();
        assertThat(applied.consume("order-list", "o-1", 2)).as("per event").isFalse();
        assertThat(applied.consume("order-list", "o-1", 3)).isTrue();
        assertThat(applied.consume("order-list", "o-1", 3)).as("the catch-up reaches each event once").isFalse();
    }

    @Test
    void nothingIsRememberedFromATransactionThatRolledBackOrHadAReadModelFail() {
        DefaultUnitOfWork<EventMessage<?>> rolledBack = DefaultUnitOfWork.startAndGet(event("o-1", 1));
        applied.record("order-list", "o-1", 1);
        rolledBack.rollback();

        DefaultUnitOfWork<EventMessage<?>> failed = DefaultUnitOfWork.startAndGet(event("o-2", 1));
        applied.record("order-list", "o-2", 1);
        // a read model failed after another had applied the event: all pending read-model changes are dropped
        AppliedInline.failed();
        failed.commit();

        assertThat(applied.consume("order-list", "o-1", 1)).isFalse();
        assertThat(applied.consume("order-list", "o-2", 1)).isFalse();
    }

    @Test
    void aResetForgetsTheReadModelsEventsOnly() {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event("o-1", 0));
        applied.record("order-list", "o-1", 0);
        applied.record("order-detail", "o-1", 0);
        unitOfWork.commit();

        applied.forget("order-list");

        assertThat(applied.consume("order-list", "o-1", 0)).isFalse();
        assertThat(applied.consume("order-detail", "o-1", 0)).isTrue();
    }

    @Test
    void theCatchUpProcessorPassesOverWhatWasAppliedButNeverDuringAReplay() throws Exception {
        DefaultUnitOfWork<EventMessage<?>> command = DefaultUnitOfWork.startAndGet(event("o-1", 0));
        applied.record("order-list", "o-1", 0);
        applied.record("order-list", "o-1", 1);
        command.commit();

        AtomicInteger handled = new AtomicInteger();
        GenericTrackedDomainEventMessage<String> live = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(10), event("o-1", 0));
        GenericTrackedDomainEventMessage<String> replayed = new GenericTrackedDomainEventMessage<>(
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(20), new GlobalSequenceTrackingToken(11)),
                event("o-1", 1));
        GenericTrackedDomainEventMessage<String> other = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(12), event("o-1", 2));

        for (EventMessage<?> message : new EventMessage<?>[] {live, replayed, other}) {
            UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
            unitOfWork.executeWithResult(() -> applied.skipFor("order-list").handle(unitOfWork, () -> handled.incrementAndGet()));
        }

        assertThat(handled.get()).as("the replayed and the unknown event are handled, the applied one is not").isEqualTo(2);
    }
}
