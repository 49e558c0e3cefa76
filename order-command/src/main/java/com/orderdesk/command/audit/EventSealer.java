package com.orderdesk.command.audit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.orderdesk.shared.audit.EventSeal;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Seals every order event on its way into the store (docs/adr/008): its metadata gets the SHA-256 {@code hash}
 * chained to the order's previous event. Runs when the unit of work commits, over its events in order; the previous
 * hash comes from an earlier event of the same commit, from the order's last commit on this node, or from the store. Two nodes sealing the same sequence number
 * cannot both commit (the store's unique aggregate/sequence key), so the chain has one history.
 */
class EventSealer implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final String LINKS = EventSealer.class.getName() + ".links";
    private static final int REMEMBERED = 10_000;

    private final EventStore store;
    private final Serializer serializer;
    /** The last committed link of recently written orders, so sealing does not read the previous event back. */
    private final Map<String, Link> committed = Caffeine.newBuilder().maximumSize(REMEMBERED).<String, Link>build().asMap();

    public EventSealer(EventStore store, Serializer serializer) {
        this.store = store;
        this.serializer = serializer;
    }

    private record Link(long sequence, String hash) {
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Link> links = CurrentUnitOfWork.map(uow -> uow.root().<Map<String, Link>>getOrComputeResource(LINKS, k -> {
            Map<String, Link> sealed = new HashMap<>();
            // remembered once the database commits: a request's own transaction (docs/adr/017) ends after the unit of
            // work, and may still roll back
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committed.putAll(sealed);
                    }
                });
            } else {
                uow.root().afterCommit(done -> committed.putAll(sealed));
            }
            return sealed;
        })).orElseGet(HashMap::new);
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event) || !EventSeal.AGGREGATE_TYPE.equals(event.getType())
                    || event.getMetaData().containsKey(EventSeal.HASH)) {
                return message;
            }
            String previous = previousHash(event, links);
            SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
            byte[] metadata = serializer.serialize(event.getMetaData(), byte[].class).getData();
            String hash = EventSeal.hash(previous, new EventSeal.Sealed(event.getAggregateIdentifier(), event.getSequenceNumber(),
                    payload.getType().getName(), event.getTimestamp(), payload.getData(), metadata));
            links.put(event.getAggregateIdentifier(), new Link(event.getSequenceNumber(), hash));
            return event.andMetaData(Map.of(EventSeal.HASH, hash));
        };
    }

    private String previousHash(DomainEventMessage<?> event, Map<String, Link> links) {
        long sequence = event.getSequenceNumber();
        if (sequence == 0) {
            return EventSeal.GENESIS;
        }
        Link link = links.get(event.getAggregateIdentifier());
        if (link != null && link.sequence() == sequence - 1) {
            return link.hash();
        }
        // committed by this node; if another node wrote since, the sequence tells and the store is read
        link = committed.get(event.getAggregateIdentifier());
        if (link != null && link.sequence() == sequence - 1) {
            return link.hash();
        }
        DomainEventStream stored = store.readEvents(event.getAggregateIdentifier(), sequence - 1);
        while (stored.hasNext()) {
            DomainEventMessage<?> previous = stored.next();
            if (previous.getSequenceNumber() == sequence - 1) {
                Object hash = previous.getMetaData().get(EventSeal.HASH);
                // an order begun before events were sealed starts its chain here
                return hash == null ? EventSeal.GENESIS : hash.toString();
            }
        }
        throw new IllegalStateException("Event " + (sequence - 1) + " of order " + event.getAggregateIdentifier()
                + " is missing: cannot seal event " + sequence);
    }
}
