package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.Await;
import com.orderdesk.app.support.SimulatorFaults;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement receipt is due when the order is completed, the gateway is down, and the service stops: after the
 * restart it is made — once — for exactly what was prepaid online.
 */
class ReceiptRestartTest {

    private static TestApp start(Path dataDir) {
        return TestApp.start(dataDir, "--orderdesk.demo.embedded-mail=false", "--orderdesk.receipts.first-poll=300ms");
    }

    private static Api.Response eventually(String what, Supplier<Api.Response> read, Predicate<Api.Response> done) {
        return Await.until(what, read, done);
    }

    private static List<String> types(Api auditor, String order) {
        return auditor.get("/api/audit/orders/" + order + "/events").json().findValuesAsText("type");
    }

    @Test
    void aSettlementDueBeforeAStopIsMadeOnceAfterIt(@TempDir Path dataDir) {
        String order;
        String payment;
        try (TestApp first = start(dataDir)) {
            Api anonymous = first.anonymous();
            Api manager = anonymous.as("manager");
            Api.Response placed = anonymous.as("guest").post("/api/my/orders", first.orderBody(1, 4, "PARTIAL"));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            order = placed.text("/orderId");
            Api.Response created = eventually("the prepayment's payment", () -> manager.get("/api/orders/" + order),
                    r -> r.text("/onlinePayment/gatewayPaymentId") != null);
            payment = created.text("/onlinePayment/gatewayPaymentId");
            assertThat(anonymous.post("/simulator/control/payments/" + payment + "/succeed", null).status()).isEqualTo(200);
            eventually("the prepayment's receipt", () -> manager.get("/api/orders/" + order),
                    r -> "SUCCEEDED".equals(r.text("/receipts/0/status")));

            // the register's API is down when the order is completed after its rental
            SimulatorFaults.none().withFailedReceiptCreates(1_000_000).applyTo(anonymous);
            HttpTestBase.completeAfterItsRental(first.clock(), manager, order);
            Api auditor = anonymous.as("auditor");
            eventually("the settlement decided", () -> anonymous.as("auditor").get("/api/audit/orders/" + order + "/events"),
                    r -> r.json().findValuesAsText("type").contains("SettlementReceiptDue"));
            assertThat(types(auditor, order)).contains("OrderCompleted");
            assertThat(manager.get("/api/orders/" + order).json().path("receipts").size()).as("not made before the stop").isEqualTo(1);
            assertThat(anonymous.get("/simulator/control/receipts?orderId=" + order).json().toString()).doesNotContain("\"type\":\"prepayment\"");
        }
        try (TestApp second = start(dataDir)) {
            Api anonymous = second.anonymous();
            Api manager = anonymous.as("manager");
            Api.Response settled = eventually("the settlement receipt after the restart", () -> manager.get("/api/orders/" + order),
                    r -> "SUCCEEDED".equals(r.text("/receipts/1/status")));
            JsonNode settlement = settled.json().path("receipts").get(1);
            assertThat(settlement.path("kind").asText()).isEqualTo("SETTLEMENT");
            assertThat(settlement.at("/amount/value").asText()).isEqualTo("100.00");
            assertThat(settlement.at("/settlements/0/type").asText()).isEqualTo("PREPAYMENT");

            // the gateway's own list of the prepayment's receipts (the simulator of this run knows the payment only by them)
            Api shop = anonymous.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("demo-shop:demo-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            JsonNode atGateway = shop.get("/simulator/v3/receipts?payment_id=" + payment).json().path("items");
            List<JsonNode> made = new java.util.ArrayList<>();
            atGateway.forEach(made::add);
            assertThat(made).as("the register has the settlement once").hasSize(1);
            assertThat(made.get(0).path("settlements").toString()).contains("\"type\":\"prepayment\"");
            List<String> types = types(anonymous.as("auditor"), order);
            assertThat(types.stream().filter("SettlementReceiptDue"::equals).count()).isEqualTo(1);
            assertThat(manager.get("/api/orders/" + order).json().path("receipts").size()).isEqualTo(2);
        }
    }
}
