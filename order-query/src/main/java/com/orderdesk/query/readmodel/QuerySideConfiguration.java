package com.orderdesk.query.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

@Configuration
class QuerySideConfiguration {
    /**
     * The processor that keeps the order read models current inside each command's transaction (docs/adr/011): a
     * subscribing processor on the event store, called when the command's events are appended and before its
     * transaction commits. A read model failing there leaves the event to the catch-up processors ({@link InlineFailures}).
     */
    public static final String INLINE_PROCESSOR = "order-read-models-inline";

    /**
     * The projections' message source for catching up ({@code axon.eventhandling.processors.*.source}): polled every
     * {@code orderdesk.projections.catch-up-poll}, as the inline path has applied this node's events already.
     */
    @Bean(destroyMethod = "close")
    public LocallyNotifiedEventSource projectionEventSource(EventStore eventStore,
                                                            @Value("${orderdesk.projections.catch-up-poll:500ms}") Duration poll) {
        return LocallyNotifiedEventSource.polled(eventStore, poll);
    }

    @Bean
    public static AppliedInline appliedInline() {
        return new AppliedInline();
    }

    /** Every read model, registered once: its projection on each path, each to its processor. */
    @Autowired
    void inlineReadModels(EventProcessingConfigurer processing, EntityManager entityManager, MeterRegistry meters,
                          AppliedInline appliedInline, List<ReadModelRegistration> readModels) {
        for (ReadModelRegistration readModel : readModels) {
            for (ReadModelPath path : ReadModelPath.values()) {
                OrderReadModel projection = readModel.on(path);
                processing.registerEventHandler(configuration -> projection);
            }
        }
        // the catch-up processors pass over what the inline path applied on this node
        ProjectionNames.ALL.forEach(readModel ->
                processing.registerHandlerInterceptor(readModel, configuration -> appliedInline.skipFor(readModel)));
        processing.registerSubscribingEventProcessor(INLINE_PROCESSOR, configuration -> configuration.eventStore())
                .assignHandlerInstancesMatching(INLINE_PROCESSOR, Integer.MAX_VALUE,
                        handler -> handler instanceof OrderReadModel model && model.path() == ReadModelPath.INLINE)
                .registerListenerInvocationErrorHandler(INLINE_PROCESSOR, configuration -> new InlineFailures(entityManager, meters));
    }
}
