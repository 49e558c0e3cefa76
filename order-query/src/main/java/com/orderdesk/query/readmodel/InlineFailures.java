package com.orderdesk.query.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * What a read model failing on the inline path does to the command (docs/adr/011): nothing. The command's events
 * are already appended in its transaction; the read-model changes not yet written are dropped, the command commits,
 * and the catch-up processor applies the event in turn — or, failing again, parks the order in its dead-letter
 * queue, where operators see it. The order's read models then lag (its later events see the gap and are left to the
 * catch-up processor too) until the fault is fixed. A failure of the database itself fails the whole transaction,
 * events included, and the command with it.
 */
class InlineFailures implements ListenerInvocationErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(InlineFailures.class);

    private final EntityManager entityManager;
    private final Counter failures;

    InlineFailures(EntityManager entityManager, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.failures = Counter.builder("orderdesk.projection.inline.failures")
                .description("Order events a read model could not apply in the command's transaction (left to catch-up)")
                .register(meters);
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) {
        failures.increment();
        String order = event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber() : event.getIdentifier();
        log.warn("Read model {} could not apply {} of order {} in the command's transaction; the catch-up processor takes it: {}",
                handler.getTargetType().getSimpleName(), event.getPayloadType().getSimpleName(), order, exception.toString());
        // the command's own writes are flushed with its events already; only read-model changes are pending
        entityManager.clear();
        AppliedInline.failed();
    }
}
