package com.orderdesk.app.space;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.space.HoldTable;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.value.RentalPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fills the places the orders placed before their service's places were tracked hold (issue 27, docs/adr/019): at
 * start-up, every live order (awaiting payment, confirmed, completed) of a service with a capacity whose rental has
 * not ended and that holds nothing yet. Orders that already overlap beyond the capacity are kept — their extra hours
 * take places numbered from the capacity up — logged, and listed for staff («Пересечения», {@link SpaceController});
 * start-up never fails for them.
 *
 * <p>Each order in its own transaction, with its order-list row locked first: a cancellation committing meanwhile (on
 * this node or another) either comes first, and the order is no longer live, or waits, and frees what was filled. A
 * second node starting at the same time finds the order holding and leaves it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SpaceCatchUp implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SpaceCatchUp.class);
    /** Orders that hold their hours: every status but cancelled and not come (issue 30: a no-show frees its places). */
    private static final java.util.Set<String> LIVE_STATUSES = java.util.Arrays.stream(com.orderdesk.shared.order.OrderStatus.values())
            .filter(status -> status != com.orderdesk.shared.order.OrderStatus.CANCELLED
                    && status != com.orderdesk.shared.order.OrderStatus.NO_SHOW).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** The same, as SQL: {@code ('AWAITING_PAYMENT', …)}. */
    private static final String LIVE = LIVE_STATUSES.stream().sorted().map(status -> "'" + status + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    private static final int PROGRESS_EVERY = 1_000;

    private final Catalog catalog;
    private final SpaceHolds space;
    private final HoldTable table;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SpaceCatchUp(Catalog catalog, SpaceHolds space, HoldTable table, JdbcTemplate jdbc,
                        PlatformTransactionManager transactionManager, Clock clock) {
        this.catalog = catalog;
        this.space = space;
        this.table = table;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    private record Pending(String orderId, Instant start, Instant end) {
    }

    @Override
    public void run(ApplicationArguments args) {
        catchUp();
    }

    /** Fills what is missing; answers how many orders it filled. */
    public int catchUp() {
        Instant now = clock.instant();
        int filled = 0;
        for (Catalog.Service service : catalog.services()) {
            if (service.capacity() == null) {
                continue;
            }
            List<Pending> pending = jdbc.query("select s.order_id, s.rental_start, s.rental_end from order_summary s"
                            + " where s.service_id = ? and s.status in " + LIVE + " and s.rental_end > ? and s.rental_start is not null"
                            + " and not exists (select 1 from space_hold h where h.order_id = s.order_id) order by s.rental_start",
                    (rs, n) -> new Pending(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant()),
                    service.id(), now.atOffset(ZoneOffset.UTC));
            if (pending.isEmpty()) {
                continue;
            }
            log.info("Space: {} orders of «{}» were placed before its places were tracked; holding their hours", pending.size(), service.name());
            int overlapping = 0;
            for (Pending order : pending) {
                List<Instant> beyond = transactions.execute(tx -> fill(service, order));
                if (beyond == null) {
                    continue;
                }
                filled++;
                if (!beyond.isEmpty()) {
                    overlapping++;
                    log.warn("Space: order {} of «{}» overlaps beyond the capacity of {} at {} hour(s) from {}: kept; staff see it "
                            + "in «Пересечения» to move or cancel", order.orderId(), service.name(), service.capacity(), beyond.size(),
                            beyond.get(0).atZone(service.timeZone()).toLocalDateTime());
                }
                if (filled % PROGRESS_EVERY == 0) {
                    log.info("Space: {} of {} orders of «{}» held", filled, pending.size(), service.name());
                }
            }
            log.info("Space: «{}»: {} orders held, {} of them beyond the capacity", service.name(), pending.size(), overlapping);
        }
        return filled;
    }

    /** Holds {@code order}'s hours unless it stopped being live or holds them already (null: nothing done). */
    private List<Instant> fill(Catalog.Service service, Pending order) {
        List<String> status = jdbc.queryForList("select status from order_summary where order_id = ? for update", String.class,
                order.orderId());
        if (status.isEmpty() || !LIVE_STATUSES.contains(status.get(0)) || table.holdsAny(order.orderId())) {
            return null;
        }
        return space.fill(service, order.orderId(), new RentalPeriod(order.start(), order.end()));
    }
}
