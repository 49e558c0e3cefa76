package com.orderdesk.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A guest reaches only their own orders, and no internal message reaches any guest by any path. */
class GuestIsolationHttpTest extends HttpTestBase {
    private static final String SECRET = "ВНУТРЕННЕЕ: гость должник";

    private String guestOrderWithInternalMessage() {
        Api.Response placed = guest.post("/api/my/orders", orderBody(4, 3, "PARTIAL"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"" + SECRET + "\"}").status())
                .isEqualTo(201);
        assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас\"}").status())
                .isEqualTo(201);
        return order;
    }

    @Test
    void aGuestPlacesOnlineAndTheOrderWaitsForPayment() {
        Api.Response placed = guest.post("/api/my/orders", orderBody(4, 4, "PARTIAL"));
        assertThat(placed.status()).isEqualTo(201);
        Api.Response mine = guest.get("/api/my/orders/" + placed.text("/orderId"));
        assertThat(mine.text("/status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(mine.text("/prepaymentDue/value")).isEqualTo("100.00");
        assertThat(mine.text("/guestId")).isEqualTo("guest");
    }

    @Test
    void anotherGuestsOrderIs404OnEveryGuestPath() {
        String order = guestOrderWithInternalMessage();
        List<Api.Response> attempts = List.of(
                guest2.get("/api/my/orders/" + order),
                guest2.get("/api/my/orders/" + order + "/timeline"),
                guest2.get("/api/my/orders/" + order + "/updates"),
                guest2.post("/api/my/orders/" + order + "/messages", "{\"text\":\"чужое\"}"),
                guest2.post("/api/my/orders/" + order + "/cancellation", "{\"reason\":\"чужое\"}"));
        for (Api.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(404);
            assertThat(attempt.code()).isEqualTo("not-found");
            assertThat(attempt.body()).doesNotContain(SECRET);
        }
        assertThat(guest2.get("/api/my/orders").body()).doesNotContain(order);
        assertThat(detail(order).text("/status")).as("nothing changed").isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void guestsNeverSeeInternalMessagesAndStaffPathsAreClosedToThem() {
        String order = guestOrderWithInternalMessage();
        for (Api.Response answer : List.of(guest.get("/api/my/orders"), guest.get("/api/my/orders/" + order),
                guest.get("/api/my/orders/" + order + "/timeline"))) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain(SECRET).doesNotContain("INTERNAL");
        }
        assertThat(guest.get("/api/my/orders/" + order + "/timeline").body()).contains("Ждём вас");
        for (String path : List.of("/api/orders", "/api/orders/" + order, "/api/orders/" + order + "/timeline",
                "/api/orders/" + order + "/updates", "/api/audit/orders/" + order + "/events", "/api/admin/projections")) {
            Api.Response answer = guest.get(path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.body()).doesNotContain(SECRET);
        }
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains(SECRET);
    }

    @Test
    void guestMessagesArePublicAndGuestsCancelTheirOwnOrders() {
        String order = guestOrderWithInternalMessage();
        Api.Response posted = guest.post("/api/my/orders/" + order + "/messages", "{\"text\":\"Буду в 16:00\"}");
        assertThat(posted.status()).isEqualTo(201);
        assertThat(guest.post("/api/my/orders/" + order + "/messages", "{\"text\":\"x\",\"visibility\":\"INTERNAL\"}").code())
                .as("a guest cannot even ask for an internal message").isEqualTo("validation-failed");
        assertThat(guest.get("/api/my/orders/" + order + "/timeline").body()).contains("Буду в 16:00");
        assertThat(manager.get("/api/orders/" + order + "/timeline").json().findValuesAsText("kind")).contains("PUBLIC");

        Api.Response cancelled = guest.post("/api/my/orders/" + order + "/cancellation", "{\"reason\":\"Планы изменились\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(guest.get("/api/my/orders/" + order).text("/status")).isEqualTo("CANCELLED");
    }

    @Test
    void guestsSeeNoStaffIdsNoPaymentNotesAndStaffOnlyAsTheManager() {
        String order = guestOrderWithInternalMessage();
        assertThat(manager.put("/api/orders/" + order + "/executor", "{\"executorId\":\"manager\",\"executorName\":\"Ирина Соколова\"}")
                .status()).isEqualTo(200);
        assertThat(manager.post("/api/orders/" + order + "/payments", "{\"amount\":" + money("100.00")
                + ",\"method\":\"CASH\",\"note\":\"сдача с 5000, купюра надорвана\"}").status()).isEqualTo(201);
        assertThat(manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Неявка\",\"refundAmount\":" + money("0.00") + "}")
                .status()).isEqualTo(200);

        Api.Response detail = guest.get("/api/my/orders/" + order);
        assertThat(detail.body()).doesNotContain("\"manager\"").doesNotContain("купюра")
                .doesNotContain("RENTAL_MANAGER").doesNotContain("Ирина").doesNotContain("Соколова");
        assertThat(detail.text("/executor/name")).isEqualTo("менеджер");
        assertThat(detail.text("/cancellation/by/name")).isEqualTo("менеджер");
        assertThat(detail.text("/payments/0/recordedBy/name")).isEqualTo("менеджер");
        Api.Response timeline = guest.get("/api/my/orders/" + order + "/timeline");
        assertThat(timeline.body()).doesNotContain("\"manager\"").doesNotContain("RENTAL_MANAGER");
        // staff still see who
        assertThat(manager.get("/api/orders/" + order).text("/cancellation/by/id")).isEqualTo("manager");
    }

    @Test
    void fullyPaidReadsConfirmedToTheGuest() {
        String seed = "6d2b2f6a-1006-4313-9c1e-000000000207";
        assertThat(guest.get("/api/my/orders/" + seed).text("/paymentStatusLabel")).isEqualTo("Подтвержден");
        assertThat(manager.get("/api/orders/" + seed).text("/paymentStatusLabel")).isEqualTo("Оплачен");
        assertThat(guest.get("/api/my/orders").body()).contains("\"paymentStatusLabel\":\"Подтвержден\"");
    }
}
