package com.orderdesk.app;

import com.orderdesk.app.support.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Projection status, dead letters that park one order without stopping others, and replays that rebuild equal tables. */
class ProjectionAdminHttpTest extends HttpTestBase {
    private static final List<String> READ_MODELS = List.of(
            "select * from order_summary order by order_id",
            "select * from order_detail order by order_id",
            "select * from order_detail_item order by item_id",
            "select * from timeline_entry order by entry_id",
            "select * from cash_entry order by entry_id");


    /**
     * Waits until the store is at rest — its head unmoved for 1.5 s while no saga deadline falls due within 30 s (the
     * demo orders' sagas settle) — and every projection has caught up with it; answers the head.
     */
    private long awaitQuiet() {
        // the sagas' next steps (a receipt's state asked for, a gateway call retried) are deadlines: none due soon
        // (db-scheduler runs them by the wall clock, not the service's Clock)
        long head = Await.atRest(Await.TIMEOUT, () -> auditor.get("/api/admin/projections/order-list").json().path("head").asLong(),
                () -> jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time < ?", Integer.class,
                        java.sql.Timestamp.from(Instant.now().plus(Duration.ofSeconds(30)))) > 0, Duration.ofMillis(1500));
        for (String projection : List.of("order-list", "order-detail", "order-timeline", "cash-book")) {
            Await.until(projection + " caught up", () -> auditor.get("/api/admin/projections/" + projection),
                    status -> !status.json().path("replaying").asBoolean() && status.json().path("lag").asLong() == 0
                            && status.json().path("position").asLong() == status.json().path("head").asLong());
        }
        return head;
    }

    @Test
    void statusShowsEveryProjectionWithItsPosition() {
        Api.Response all = auditor.get("/api/admin/projections");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsText("name")).containsExactly("order-list", "order-detail", "order-timeline", "cash-book");
        assertThat(all.json().get(0).path("running").asBoolean()).isTrue();
        assertThat(all.json().get(0).path("segments").size()).isEqualTo(4);
        assertThat(manager.get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(auditor.post("/api/admin/projections/nope/replay", null).status()).isEqualTo(404);
    }

    @Test
    void aFailingOrderIsParkedAsADeadLetterOthersGoOnAndRetryHealsIt() {
        String broken = placeDeskOrder(3);
        String healthy = placeDeskOrder(3);
        String document = jdbc.queryForObject("select document from order_detail where order_id = ?", String.class, broken);
        jdbc.update("update order_detail set document = '{not json' where order_id = ?", broken);

        assertThat(manager.post("/api/orders/" + broken + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager.post("/api/orders/" + healthy + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        assertThat(detail(healthy).text("/paid/value")).as("other orders go on").isEqualTo("100.00");

        Await.until("the broken order parked", () -> auditor.get("/api/admin/projections/order-detail"),
                r -> r.json().path("deadLetters").asLong() > 0);
        assertThat(auditor.get("/api/admin/projections/order-detail").json().path("deadLetters").asLong()).isEqualTo(1);
        assertThat(management.get("/actuator/prometheus").body())
                .contains("orderdesk_projection_dead_letters{application=\"order-desk\",projection=\"order-detail\"} 1.0");
        // a later event of the same order waits behind the parked one, in order
        assertThat(manager.post("/api/orders/" + broken + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"после\"}").status())
                .isEqualTo(201);
        // parked behind it once the catch-up processor has passed it (retrying before that left it to a later retry)
        eventually("the catch-up processor past the later event", () -> auditor.get("/api/admin/projections/order-detail"),
                r -> r.json().path("lag").asLong() == 0);

        jdbc.update("update order_detail set document = ? where order_id = ?", document, broken);
        Api.Response retried = auditor.post("/api/admin/projections/order-detail/dead-letters/retry", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("deadLettersLeft").asLong()).isZero();
        // the retry applies the payment and the message behind it, in order
        Api.Response healed = eventually("healed", () -> detail(broken), r -> "2".equals(r.text("/version")));
        assertThat(healed.text("/paid/value")).isEqualTo("100.00");
        assertThat(management.get("/actuator/prometheus").body())
                .as("the inline failure was counted").containsPattern("orderdesk_projection_inline_failures_total\\{[^}]*\\} [1-9]");
    }

    @Test
    void replayRebuildsEveryReadModelRowForRow() {
        String order = placeDeskOrder(4);
        manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH"));
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"до перестроения\"}");
        long headBefore = awaitQuiet();
        List<List<Map<String, Object>>> before = READ_MODELS.stream().map(jdbc::queryForList).toList();
        assertThat(before.get(0)).isNotEmpty();

        for (String projection : List.of("order-list", "order-detail", "order-timeline", "cash-book")) {
            Api.Response started = auditor.post("/api/admin/projections/" + projection + "/replay", null);
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.header("Location")).isEqualTo("/api/admin/projections/" + projection);
        }
        assertThat(awaitQuiet()).as("no event arrived meanwhile").isEqualTo(headBefore);
        List<List<Map<String, Object>>> after = READ_MODELS.stream().map(jdbc::queryForList).toList();
        for (int i = 0; i < READ_MODELS.size(); i++) {
            assertThat(after.get(i)).as(READ_MODELS.get(i)).hasSameSizeAs(before.get(i)).isEqualTo(before.get(i));
        }
    }
}
