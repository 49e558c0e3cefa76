package com.orderdesk.command.web;

import com.orderdesk.shared.order.query.FindProjectedVersions;
import com.orderdesk.shared.order.query.ProjectedVersions;
import com.orderdesk.shared.order.query.ProjectionProgress;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command and answers only once every read model shows its change (docs/adr/005): subscribes to the
 * projections' progress for the order first, sends, then waits — bounded — for the new version. Progress
 * emitted on another node does not reach a local subscription, so the wait also re-reads the versions now and
 * then.
 */
@Component
public class ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration timeout;

    public ReadYourWrites(CommandGateway commands, QueryGateway queries,
                          @Value("${orderdesk.read-your-writes.timeout:5s}") Duration timeout) {
        this.commands = commands;
        this.queries = queries;
        this.timeout = timeout;
    }

    /** Sends the command for {@code orderId}; returns the order's new version once it is readable. */
    public long send(String orderId, Object command) {
        SubscriptionQueryResult<ProjectedVersions, ProjectionProgress> progress = queries.subscriptionQuery(
                new FindProjectedVersions(orderId), ResponseTypes.instanceOf(ProjectedVersions.class),
                ResponseTypes.instanceOf(ProjectionProgress.class));
        try {
            Object result = commands.sendAndWait(command);
            long version = result instanceof Number number ? number.longValue() : 0L;
            await(progress, orderId, version);
            return version;
        } finally {
            progress.close();
        }
    }

    private void await(SubscriptionQueryResult<ProjectedVersions, ProjectionProgress> progress, String orderId, long version) {
        long deadline = System.nanoTime() + timeout.toNanos();
        BlockingQueue<ProjectionProgress> updates = new LinkedBlockingQueue<>();
        Disposable subscription = progress.updates().subscribe(updates::add, failure -> { }, () -> { });
        try {
            ProjectedVersions initial = progress.initialResult().block(timeout);
            Map<String, Long> reached = new HashMap<>(initial == null ? Map.of() : initial.versions());
            long lastCheck = System.nanoTime();
            while (lowest(reached) < version) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Read models of order {} did not reach version {} within {}: {}", orderId, version, timeout, reached);
                    return;
                }
                ProjectionProgress update = updates.poll(Math.min(left, RECHECK_NANOS), TimeUnit.NANOSECONDS);
                if (update != null) {
                    reached.merge(update.projection(), update.version(), Math::max);
                } else if (System.nanoTime() - lastCheck >= RECHECK_NANOS) {
                    queries.query(new FindProjectedVersions(orderId), ProjectedVersions.class).join().versions()
                            .forEach((name, v) -> reached.merge(name, v, Math::max));
                    lastCheck = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.dispose();
        }
    }

    private static long lowest(Map<String, Long> reached) {
        return reached.isEmpty() ? Long.MAX_VALUE : reached.values().stream().mapToLong(Long::longValue).min().orElse(-1);
    }
}
