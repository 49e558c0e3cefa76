package com.orderdesk.query.admin;

import com.orderdesk.query.readmodel.ProjectionNames;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection replay across several nodes (ADR 009). Resetting a processor's tokens needs every segment free,
 * but each node's processor holds claims. The node asked to replay writes "pause" for the projection into
 * {@code projection_control}; every node looks every {@code orderdesk.projections.control-poll} (2 s) and stops
 * its processor, releasing its claims; the asking node waits until no live claim is left (a dead node's claims
 * expire), resets the tokens, starts, and writes "run"; the others start again and share the segments. A pause
 * older than {@code orderdesk.projections.pause-limit} (2 min) is treated as abandoned and the processor runs again.
 * Its times are the nodes' wall clocks, the clock Axon stamps token claims with ({@link TokenEntry#clock}), not the
 * service's {@code Clock}: they are compared with those claims and across nodes.
 */
@Component
class ReplayCoordination {
    private static final Logger log = LoggerFactory.getLogger(ReplayCoordination.class);
    static final String PAUSE = "PAUSE";
    static final String RUN = "RUN";
    /** Axon's JPA token store treats a claim not refreshed for 10 s as free. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration pauseLimit;
    private final Duration releaseWait;
    private final Duration controlPoll;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<String, Boolean> pausedHere = new ConcurrentHashMap<>();
    private final Map<String, Boolean> replayingHere = new ConcurrentHashMap<>();

    ReplayCoordination(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                       @Value("${orderdesk.projections.pause-limit:PT2M}") Duration pauseLimit,
                       @Value("${orderdesk.projections.release-wait:PT30S}") Duration releaseWait,
                       @Value("${orderdesk.projections.control-poll:PT2S}") Duration controlPoll) {
        this.controlPoll = controlPoll;
        this.processing = processing;
        this.jdbc = jdbc;
        this.pauseLimit = pauseLimit;
        this.releaseWait = releaseWait;
    }

    /** Replays {@code name} on every node: pause all, reset here once every claim is free, run all. */
    public synchronized void replay(String name, String requestedBy) {
        StreamingEventProcessor processor = processor(name);
        replayingHere.put(name, true);
        write(name, PAUSE, requestedBy);
        log.info("Replay of projection {} requested by {}: pausing it on every node", name, requestedBy);
        processor.shutDown();
        try {
            resetWhenReleased(name, processor);
        } finally {
            write(name, RUN, requestedBy);
            processor.start();
            replayingHere.remove(name);
        }
        log.info("Replay of projection {} started from the first event", name);
    }

    /** Follows the other nodes' requests: stop while a projection is paused, start again when it runs. */
    @Scheduled(fixedDelayString = "${orderdesk.projections.control-poll:PT2S}", initialDelayString = "PT5S")
    public void follow() {
        List<Map<String, Object>> rows = jdbc.queryForList("select projection, state, requested_by, requested_at from projection_control");
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("projection");
            if (!ProjectionNames.ALL.contains(name) || replayingHere.containsKey(name)) {
                continue;
            }
            StreamingEventProcessor processor = processor(name);
            Instant requestedAt = instant(row.get("requested_at"));
            boolean paused = PAUSE.equals(row.get("state")) && requestedAt.plus(pauseLimit).isAfter(TokenEntry.clock.instant());
            if (paused && processor.isRunning()) {
                log.info("Projection {} paused on this node for a replay requested by {}", name, row.get("requested_by"));
                pausedHere.put(name, true);
                processor.shutDown();
            } else if (!paused && !processor.isRunning() && pausedHere.remove(name) != null) {
                log.info("Projection {} runs again on this node after the replay", name);
                processor.start();
            }
        }
    }

    /**
     * Resets the tokens once no node holds a claim. A node that has not looked at the control table since the pause was
     * written may still claim a free segment (its pooled coordinator claims every few seconds): when other nodes hold
     * claims, the first look waits one control poll and a half, so they have seen the pause; a claim taken meanwhile
     * makes the reset fail,
     * and it is tried again (the SpaceClusterIT failed with 409 on a busy machine once: the reset met such a claim).
     */
    private void resetWhenReleased(String name, StreamingEventProcessor processor) {
        Instant deadline = TokenEntry.clock.instant().plus(releaseWait);
        Integer others = jdbc.queryForObject("select count(*) from token_entry where processor_name = ? and owner is not null and owner <> ?",
                Integer.class, name, node);
        if (others != null && others > 0) {
            pause(controlPoll.multipliedBy(3).dividedBy(2));
        }
        while (true) {
            awaitReleased(name, deadline);
            try {
                processor.resetTokens();
                return;
            } catch (org.axonframework.common.AxonTransientException claimedMeanwhile) {
                if (TokenEntry.clock.instant().isAfter(deadline)) {
                    throw claimedMeanwhile;
                }
                log.info("Replay of projection {}: a node claimed a segment meanwhile ({}); waiting again", name, claimedMeanwhile.getMessage());
                pause(Duration.ofMillis(250));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other nodes", e);
        }
    }

    private void awaitReleased(String name, Instant deadline) {
        while (true) {
            // select *: the column "timestamp" is a keyword to some databases; the row map ignores case
            List<Map<String, Object>> claims = jdbc.queryForList(
                    "select * from token_entry where processor_name = ? and owner is not null", name);
            long live = claims.stream().filter(c -> Instant.parse((String) c.get("timestamp")).plus(CLAIM_TIMEOUT).isAfter(TokenEntry.clock.instant()))
                    .count();
            if (live == 0) {
                return;
            }
            if (TokenEntry.clock.instant().isAfter(deadline)) {
                throw new RejectedException(ErrorCode.UNAVAILABLE, "Другие узлы не освободили проекцию «" + name + "» за "
                        + releaseWait.toSeconds() + " с; повторите позже.");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the other nodes", e);
            }
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }

    private void write(String name, String state, String requestedBy) {
        Timestamp now = Timestamp.from(TokenEntry.clock.instant());
        int updated = jdbc.update("update projection_control set state = ?, requested_by = ?, requested_at = ? where projection = ?",
                state, requestedBy + " @ " + node, now, name);
        if (updated == 0) {
            jdbc.update("insert into projection_control (projection, state, requested_by, requested_at) values (?, ?, ?, ?)",
                    name, state, requestedBy + " @ " + node, now);
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("Processor " + name + " is not a streaming processor"));
    }
}
