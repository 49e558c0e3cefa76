package com.orderdesk.app;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.command.space.SpaceHolds.Outcome;
import com.orderdesk.shared.value.RentalPeriod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of held hours on the store itself (H2 here, PostgreSQL in the PostgreSQL run): what is taken, what is
 * refused, and — the point of it — that racing transactions never take one place twice (docs/adr/019).
 */
class SpaceHoldsTest extends HttpTestBase {
    private static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");

    @Autowired
    SpaceHolds holds;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    javax.sql.DataSource dataSource;

    /** A service of its own per test (the table is shared by the test application): {@code capacity} places, 09–21 Mon–Fri. */
    private static Catalog.Service room(int capacity) {
        return TestCatalogs.coworking().id("room-" + UUID.randomUUID()).capacity(capacity)
                .openingHours(Map.of("mon-fri", "09:00-21:00")).catalog().services().get(0);
    }

    /** A Monday well ahead, {@code from}–{@code to} o'clock there. */
    private static RentalPeriod monday(int from, int to) {
        LocalDate monday = LocalDate.of(2030, 1, 7);
        return new RentalPeriod(monday.atTime(from, 0).atZone(ZONE).toInstant(), monday.atTime(to, 0).atZone(ZONE).toInstant());
    }

    private Outcome take(Catalog.Service service, String order, RentalPeriod period) {
        return new TransactionTemplate(transactions).execute(tx -> holds.take(service, order, period));
    }

    private Outcome move(Catalog.Service service, String order, RentalPeriod period) {
        return new TransactionTemplate(transactions).execute(tx -> holds.move(service, order, period));
    }

    @Test
    void theLastPlaceOfAnHourIsTakenOnceAndAFreedPlaceCanBeTakenAgain() {
        Catalog.Service room = room(2);
        assertThat(take(room, "a", monday(10, 12))).isEqualTo(new Outcome.Taken(2));
        assertThat(take(room, "b", monday(11, 13))).as("the last place of 11:00").isEqualTo(new Outcome.Taken(2));
        Outcome third = take(room, "c", monday(9, 12));
        assertThat(third).as("11:00 is full; 9:00 and 10:00 are not").isEqualTo(new Outcome.Full(List.of(monday(11, 12).start())));
        assertThat(holds.held(room.id(), monday(9, 13).start(), monday(9, 13).end()))
                .as("nothing of the refused order was written")
                .containsExactly(Map.entry(monday(10, 11).start(), 1), Map.entry(monday(11, 12).start(), 2),
                        Map.entry(monday(12, 13).start(), 1));

        Integer released = new TransactionTemplate(transactions).execute(tx -> holds.release("a"));
        assertThat(released).isEqualTo(2);
        assertThat(take(room, "c", monday(9, 12))).as("a's places are free again").isEqualTo(new Outcome.Taken(3));
        assertThat(holds.held(room.id(), monday(11, 12).start(), monday(11, 12).end())).containsExactly(Map.entry(monday(11, 12).start(), 2));
    }

    @Test
    void aMoveThatOverlapsItsOwnHoursFitsWhereItStoodAndGivesUpTheOldOnes() {
        Catalog.Service room = room(1);
        assertThat(take(room, "mover", monday(10, 12))).isEqualTo(new Outcome.Taken(2));
        assertThat(move(room, "mover", monday(11, 14))).as("11:00 is its own").isEqualTo(new Outcome.Taken(3));
        assertThat(holds.occupants(room.id(), monday(9, 15).start(), monday(9, 15).end()))
                .containsOnlyKeys(monday(11, 12).start(), monday(12, 13).start(), monday(13, 14).start());
        assertThat(take(room, "other", monday(10, 11))).as("10:00 was given up").isEqualTo(new Outcome.Taken(1));
        assertThat(move(room, "mover", monday(10, 11))).isEqualTo(new Outcome.Full(List.of(monday(10, 11).start())));
        assertThat(holds.held(room.id(), monday(9, 15).start(), monday(9, 15).end())).as("a refused move keeps what it held")
                .containsOnlyKeys(monday(10, 11).start(), monday(11, 12).start(), monday(12, 13).start(), monday(13, 14).start());
    }

    @Test
    void aRentalPartOfAnHourHoldsTheWholeHourAndAServiceWithoutCapacityIsNotTracked() {
        Catalog.Service room = room(1);
        RentalPeriod halfPast = new RentalPeriod(monday(10, 11).start().plusSeconds(1800), monday(11, 12).start().plusSeconds(1800));
        assertThat(SpaceHolds.hoursOf(halfPast, ZONE)).containsExactly(monday(10, 11).start(), monday(11, 12).start());
        assertThat(take(room, "half", halfPast)).isEqualTo(new Outcome.Taken(2));

        Catalog.Service untracked = TestCatalogs.coworking().id("free-" + UUID.randomUUID()).catalog().services().get(0);
        for (int i = 0; i < 3; i++) {
            assertThat(take(untracked, "u" + i, monday(3, 5))).isEqualTo(new Outcome.Taken(2));
        }
        assertThat(holds.held(untracked.id(), Instant.EPOCH, monday(22, 23).end())).isEmpty();
    }

    @Test
    void fortyTransactionsRacingForTheLastThreePlacesOfAnHourTakeExactlyThree() throws Exception {
        Catalog.Service room = room(10);
        for (int i = 0; i < 7; i++) {
            assertThat(take(room, "early-" + i, monday(14, 16))).isInstanceOf(Outcome.Taken.class);
        }
        int racers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String order = "racer-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    // what the command does when it lost: run again (ConcurrencyRetry / the request's retry, ADR 017)
                    for (int attempt = 0; attempt < 50; attempt++) {
                        try {
                            Outcome outcome = take(room, order, monday(15, 16));
                            return outcome instanceof Outcome.Taken ? "taken" : "full";
                        } catch (com.orderdesk.command.space.SpaceTakenMeanwhile lost) {
                            Thread.onSpinWait();
                        } catch (org.springframework.dao.PessimisticLockingFailureException waitedTooLong) {
                            Thread.onSpinWait();
                        }
                    }
                    return "gave up";
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(120, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn("taken"::equals).hasSize(3);
            assertThat(outcomes).filteredOn("full"::equals).hasSize(racers - 3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(holds.held(room.id(), monday(15, 16).start(), monday(15, 16).end()))
                .containsExactly(Map.entry(monday(15, 16).start(), 10));
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "select count(*) from space_hold where service_id = ? and hour_start = ? and place >= 10", Integer.class,
                room.id(), monday(15, 16).start().atOffset(java.time.ZoneOffset.UTC)))
                .as("no place beyond the capacity").isZero();
    }
}
