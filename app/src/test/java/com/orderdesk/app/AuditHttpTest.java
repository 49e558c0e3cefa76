package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's history and "as of" view: complete, in order, and equal to the live detail at every step. */
class AuditHttpTest extends HttpTestBase {

    @Test
    void asOfEqualsTheLiveDetailAtEveryStepOfAnOrdersLife() {
        String order = placeDeskOrder(4);
        List<JsonNode> liveSteps = new ArrayList<>();
        liveSteps.add(detail(order).json());
        manager.put("/api/orders/" + order + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}");
        liveSteps.add(detail(order).json());
        manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH"));
        liveSteps.add(detail(order).json());
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"для аудита\"}");
        liveSteps.add(detail(order).json());
        manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}");
        liveSteps.add(detail(order).json());
        manager.post("/api/orders/" + order + "/refunds", payment("150.00", "CASH"));
        liveSteps.add(detail(order).json());

        Api.Response events = auditor.get("/api/audit/orders/" + order + "/events");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json().findValuesAsText("type")).containsExactly("OrderPlaced", "ExecutorAssigned",
                "ManagerPaymentRecorded", "MessagePosted", "OrderCancelled", "DeskRefundRecorded");
        assertThat(events.json().findValuesAsText("sequence")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(events.json().get(2).at("/actor/name").asText()).isEqualTo("Ирина Соколова");
        assertThat(events.json().get(3).at("/payload/text").asText()).isEqualTo("для аудита");

        for (int step = 0; step < liveSteps.size(); step++) {
            String at = events.json().get(step).path("at").asText();
            Api.Response asOf = auditor.get("/api/audit/orders/" + order + "/state?at=" + URLEncoder.encode(at, StandardCharsets.UTF_8));
            assertThat(asOf.status()).isEqualTo(200);
            assertThat(asOf.json()).as("step " + step).isEqualTo(liveSteps.get(step));
        }
        assertThat(auditor.get("/api/audit/orders/" + order + "/state?at=2000-01-01T00:00Z").status()).isEqualTo(404);
        assertThat(auditor.get("/api/audit/orders/" + order + "/state?at=yesterday").status()).isEqualTo(400);
        assertThat(manager.get("/api/audit/orders/" + order + "/events").status()).isEqualTo(403);
    }
}
