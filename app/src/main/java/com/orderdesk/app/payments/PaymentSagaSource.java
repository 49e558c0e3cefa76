package com.orderdesk.app.payments;

import com.orderdesk.payment.PaymentConfiguration;
import com.orderdesk.query.readmodel.LocallyNotifiedEventSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The payment saga's message source ({@code axon.eventhandling.processors.PaymentSagaProcessor.source}): a commit on
 * this node that holds an event the saga handles wakes it at once; every second it looks for the rest (other nodes'
 * events). Which events it handles is read from the sagas' own handlers (the payment, refund and receipt sagas': one
 * processor's), so a new handler is woken for too.
 */
@Configuration
public class PaymentSagaSource {
    @Bean(destroyMethod = "close")
    public LocallyNotifiedEventSource promptEventSource(EventStore eventStore) {
        Predicate<Class<?>> handled = PaymentConfiguration.SAGAS.stream().map(PaymentSagaSource::handledBy).reduce(type -> false, Predicate::or);
        return new LocallyNotifiedEventSource(eventStore, message -> handled.test(message.getPayloadType()),
                Duration.ofSeconds(1));
    }

    /** Whether one of the saga's event handlers takes a payload of the given type. */
    static Predicate<Class<?>> handledBy(Class<?> saga) {
        Set<Class<?>> payloadTypes = AnnotatedHandlerInspector.inspectType(saga).getAllHandlers().values().stream()
                .flatMap(Collection::stream)
                .filter(handler -> handler.canHandleMessageType(EventMessage.class)) // not its deadlines
                .map(MessageHandlingMember::payloadType)
                .collect(Collectors.toUnmodifiableSet());
        return payloadType -> payloadTypes.stream().anyMatch(type -> type.isAssignableFrom(payloadType));
    }
}
