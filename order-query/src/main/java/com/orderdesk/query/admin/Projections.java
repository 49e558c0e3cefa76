package com.orderdesk.query.admin;

import com.orderdesk.query.readmodel.ProjectionNames;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The read models' processors as operators see them: position against the head of the event store, lag,
 * replay progress, errors and dead letters; replay and dead-letter retry.
 */
@Component
class Projections {
    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final EntityManager entityManager;
    private final Serializer tokenSerializer;
    private final ReplayCoordination coordination;

    Projections(EventProcessingConfiguration processing, EventStore eventStore, EntityManager entityManager,
                @Qualifier("serializer") Serializer tokenSerializer, ReplayCoordination coordination, MeterRegistry meters) {
        this.coordination = coordination;
        this.processing = processing;
        this.eventStore = eventStore;
        this.entityManager = entityManager;
        this.tokenSerializer = tokenSerializer;
        for (String name : ProjectionNames.ALL) {
            Gauge.builder("orderdesk.projection.dead.letters", () -> deadLetters(name)).tag("projection", name)
                    .description("Event sequences parked in the dead-letter queue").register(meters);
            Gauge.builder("orderdesk.projection.lag", () -> status(name).lag()).tag("projection", name)
                    .description("Events in the store the projection has not processed yet").register(meters);
        }
    }

    /** One segment as the shared token store has it: position, owner (node), replay; errors as this node sees them. */
    public record SegmentStatus(int segment, long position, String owner, boolean local, boolean caughtUp, boolean replaying,
                                Long replayEndsAt, String error) {
    }

    public record ProjectionStatus(String name, boolean running, boolean error, boolean replaying, long head, long position,
                                   long lag, Integer replayPercent, long deadLetters, List<SegmentStatus> segments) {
    }

    public List<ProjectionStatus> all() {
        return ProjectionNames.ALL.stream().map(this::status).toList();
    }

    /**
     * The projection across the cluster: every segment's token is read from the token store all nodes share, so
     * any node reports the same position and lag whichever node processes which segment.
     */
    @Transactional(readOnly = true)
    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = position(eventStore.createHeadToken());
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        List<SegmentStatus> segments = new ArrayList<>();
        long lowest = Long.MAX_VALUE;
        boolean replaying = false;
        boolean error = false;
        Long replayEnd = null;
        List<TokenEntry> tokens = entityManager.createQuery(
                        "select t from TokenEntry t where t.processorName = :name order by t.segment", TokenEntry.class)
                .setParameter("name", name).getResultList();
        for (TokenEntry entry : tokens) {
            TrackingToken token = entry.getToken(tokenSerializer);
            EventTrackerStatus here = local.get(entry.getSegment());
            long position = here != null ? here.getCurrentPosition().orElse(-1) : position(token);
            OptionalLong resetAt = here != null ? here.getResetPosition() : ReplayToken.getTokenAtReset(token);
            boolean isReplay = here != null ? here.isReplaying() : ReplayToken.isReplay(token);
            lowest = Math.min(lowest, position);
            // Axon keeps a replay token until an event past the reset point arrives; what operators want to
            // know is whether events are left to replay
            boolean segmentReplaying = isReplay && resetAt.isPresent() && position < resetAt.getAsLong();
            replaying |= segmentReplaying;
            error |= here != null && here.isErrorState();
            if (segmentReplaying) {
                replayEnd = replayEnd == null ? resetAt.getAsLong() : Math.max(replayEnd, resetAt.getAsLong());
            }
            segments.add(new SegmentStatus(entry.getSegment(), position, entry.getOwner(), here != null,
                    here != null ? here.isCaughtUp() : position >= head, segmentReplaying,
                    resetAt.isPresent() ? resetAt.getAsLong() : null,
                    here == null || here.getError() == null ? null : here.getError().toString()));
        }
        long position = lowest == Long.MAX_VALUE ? -1 : lowest;
        Integer percent = replaying && replayEnd != null && replayEnd > 0
                ? (int) Math.min(100, Math.max(0, position * 100 / replayEnd)) : null;
        return new ProjectionStatus(name, processor.isRunning(), error || processor.isError(), replaying, head, position,
                Math.max(0, head - position), percent, deadLetters(name), segments);
    }

    /**
     * Rebuilds the read model from the first event on every node (see {@link ReplayCoordination}): the reset
     * handler empties its tables and the processors start over.
     */
    public ProjectionStatus replay(String name, String requestedBy) {
        processor(name);
        coordination.replay(name, requestedBy);
        return status(name);
    }

    /** Tries every dead-lettered sequence again, in order; returns how many sequences are still parked. */
    public long retryDeadLetters(String name) {
        processor(name);
        SequencedDeadLetterProcessor<?> deadLetters = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new RejectedException(ErrorCode.NOT_FOUND, "У проекции нет очереди недоставленных событий."));
        long before = deadLetters(name);
        for (long attempt = 0; attempt < before && deadLetters.processAny(); attempt++) {
            log.info("Projection {}: a dead-lettered sequence was processed", name);
        }
        return deadLetters(name);
    }

    public long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
    }

    @Scheduled(fixedDelayString = "${orderdesk.projections.progress-log-interval:PT5S}")
    void logReplayProgress() {
        for (String name : ProjectionNames.ALL) {
            ProjectionStatus status = status(name);
            if (status.replaying()) {
                log.info("Replay of projection {}: {}% (position {} of {})", name,
                        status.replayPercent() == null ? 0 : status.replayPercent(), status.position(),
                        status.segments().stream().map(SegmentStatus::replayEndsAt).filter(java.util.Objects::nonNull)
                                .max(Long::compare).orElse(status.head()));
            }
        }
    }

    private StreamingEventProcessor processor(String name) {
        if (!ProjectionNames.ALL.contains(name)) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Нет проекции «" + name + "».");
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("Processor " + name + " is not a streaming processor"));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
