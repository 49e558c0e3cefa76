package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rental's deadlines (issue 30) are persistent: set when the orders are placed, they survive a restart and do then
 * what the rules say — the guest who did not come is marked «Не пришёл» by the system, the paid order whose guest came
 * completes on its own with its settlement receipt, and the deadlines that find nothing to do change nothing.
 *
 * <p>db-scheduler runs a deadline by the wall clock, the orders decide by the service's (test) clock: the test stops
 * the service's clock past each deadline and makes the deadline's row due now, as PaymentSagaSplitTest does.
 */
class RentalDeadlineRestartTest {
    private static final String[] DEADLINES_ON = {"--orderdesk.demo.no-show-after=30m", "--orderdesk.demo.complete-after=1h"};

    @Test
    void aNoShowAndASelfCompletionHappenAfterARestart(@TempDir Path dataDir) {
        LocalDate day;
        String absent;
        String present;
        try (TestApp first = TestApp.start(dataDir, DEADLINES_ON)) {
            day = first.clock().today(OrderBodies.PERM).plusDays(5);
            first.clock().freezeAt(day.atTime(9, 0).atZone(OrderBodies.PERM).toInstant());
            Api manager = first.as("manager");
            // paid in full at the desk; nobody will come
            Api.Response placed = manager.post("/api/orders", OrderBodies.order(day, 2, "FULL", null));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            absent = placed.text("/orderId");
            assertThat(manager.post("/api/orders/" + absent + "/payments", HttpTestBase.payment("200.00", "CASH")).status()).isEqualTo(201);
            // booked online with its prepayment, the rest paid at the desk; the guest comes
            Api guest = first.as("guest");
            Api.Response booked = guest.post("/api/my/orders", OrderBodies.order(day, 2, "PARTIAL", "troshkov@example.com"));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            present = booked.text("/orderId");
            Api.Response pay = guest.post("/api/my/orders/" + present + "/payment", null);
            assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
            first.anonymous().post("/simulator/control/payments/" + pay.text("/paymentId") + "/succeed", null);
            Api.Response confirmed = Await.until("the prepayment confirms the booking", () -> manager.get("/api/orders/" + present),
                    r -> "CONFIRMED".equals(r.text("/status")));
            String rest = confirmed.text("/remainder/value");
            assertThat(manager.post("/api/orders/" + present + "/payments", HttpTestBase.payment(rest, "CARD_TERMINAL")).status()).isEqualTo(201);
            first.clock().freezeAt(day.atTime(9, 50).atZone(OrderBodies.PERM).toInstant());
            Api.Response in = manager.post("/api/orders/" + present + "/check-in", null);
            assertThat(in.status()).as(in.toString()).isEqualTo(200);

            assertThat(deadlinesOf(first, absent)).hasSize(2);
            assertThat(deadlinesOf(first, present)).hasSize(2);
        }

        try (TestApp second = TestApp.start(dataDir, DEADLINES_ON)) {
            Api manager = second.as("manager");
            Api auditor = second.as("auditor");
            // half past ten: both no-show deadlines come
            second.clock().freezeAt(day.atTime(10, 31).atZone(OrderBodies.PERM).toInstant());
            makeDue(second, absent, "NO_SHOW");
            makeDue(second, present, "NO_SHOW");
            Api.Response noShow = Await.until("the no-show deadline marks the absent guest", () -> manager.get("/api/orders/" + absent),
                    r -> "NO_SHOW".equals(r.text("/status")));
            assertThat(noShow.text("/ticket/noShowAt")).startsWith(day + "T10:31");
            JsonNode events = auditor.get("/api/audit/orders/" + absent + "/events").json();
            JsonNode marked = events.get(events.size() - 1);
            assertThat(marked.path("type").asText()).isEqualTo("OrderMarkedNoShow");
            assertThat(marked.at("/actor/channel").asText()).isEqualTo("DEADLINE");
            assertThat(marked.at("/metadata/cause").asText()).startsWith("rental deadline NO_SHOW");
            assertThat(second.jdbc().queryForObject("select count(*) from space_hold where order_id = ?", Integer.class, absent))
                    .as("the no-show's places are free").isZero();
            Await.until("the present guest's no-show deadline ran", () -> deadlinesOf(second, present).size() == 1);
            assertThat(manager.get("/api/orders/" + present).text("/status")).as("a guest who came is no no-show").isEqualTo("CONFIRMED");

            // an hour after the end: both completion deadlines come
            second.clock().freezeAt(day.atTime(13, 1).atZone(OrderBodies.PERM).toInstant());
            makeDue(second, absent, "COMPLETION");
            makeDue(second, present, "COMPLETION");
            Api.Response completed = Await.until("the paid order completes on its own", () -> manager.get("/api/orders/" + present),
                    r -> "COMPLETED".equals(r.text("/status")));
            assertThat(completed.text("/completedAt")).startsWith(day + "T13:01");
            assertThat(manager.get("/api/orders/" + present + "/timeline").body()).contains("Заказ выполнен автоматически");
            Await.until("the settlement receipt of the completed order", () -> manager.get("/api/orders/" + present),
                    r -> r.json().path("receipts").findValuesAsText("kind").contains("SETTLEMENT"));
            Await.until("the no-show's completion deadline ran", () -> deadlinesOf(second, absent).isEmpty());
            assertThat(manager.get("/api/orders/" + absent).text("/status")).as("a no-show is not completed").isEqualTo("NO_SHOW");
            assertThat(auditor.get("/api/audit/orders/" + absent + "/verify").json().path("intact").asBoolean()).isTrue();
            assertThat(auditor.get("/api/audit/orders/" + present + "/verify").json().path("intact").asBoolean()).isTrue();
        }
    }

    private static List<String> deadlinesOf(TestApp app, String order) {
        return app.jdbc().queryForList("select task_instance from scheduled_tasks where task_name = 'rental-deadline' and task_instance like ?",
                String.class, order + "/%");
    }

    /** Makes the order's {@code deadline} due now by db-scheduler's (wall) clock. */
    private static void makeDue(TestApp app, String order, String deadline) {
        assertThat(app.jdbc().update("update scheduled_tasks set execution_time = ? where task_name = 'rental-deadline' and task_instance like ?",
                Timestamp.from(Instant.now()), order + "/" + deadline + "/%")).as(deadline + " of " + order).isEqualTo(1);
    }
}
