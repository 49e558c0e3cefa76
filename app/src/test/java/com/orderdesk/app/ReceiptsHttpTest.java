package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.SimulatorFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 54-ФЗ receipts over HTTP against the gateway simulator, which checks receipt data as YooKassa does: the receipt of
 * a full and of a partial prepayment, the settlement receipt after completion, the refund receipt, and a receipt the
 * register would not register — the payment stands and staff see why.
 */
class ReceiptsHttpTest extends HttpTestBase {

    @AfterEach
    void noFaults() {
        simulatorFaults(SimulatorFaults.none());
    }

    /** The receipts the simulator's register holds for an order's payments. */
    private List<JsonNode> gatewayReceipts(String order) {
        List<JsonNode> receipts = new ArrayList<>();
        anonymous.get("/simulator/control/receipts?orderId=" + order).json().forEach(receipts::add);
        return receipts;
    }

    /** The positions of a receipt as the gateway got them add up to exactly {@code amount}. */
    private static void sumsTo(JsonNode receipt, String amount) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : receipt.path("items")) {
            sum = sum.add(new BigDecimal(item.path("amount").path("value").asText()).multiply(new BigDecimal(item.path("quantity").asText())));
        }
        assertThat(sum).as("items of " + receipt).isEqualByComparingTo(amount);
    }

    private Api.Response receiptState(String order, int index, String status) {
        return eventually("receipt " + index + " " + status, () -> detail(order),
                r -> r.json().path("receipts").size() > index && status.equals(r.text("/receipts/" + index + "/status")));
    }

    /** The demo guest's own address (their profile's): proven, so receipts may go there. */
    private static final String GUESTS_OWN = "troshkov@example.com";

    private String placeOnline(String plan, int hours, String email) {
        Api.Response placed = guest.post("/api/my/orders", orderBody(2, hours, plan, email));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.text("/orderId");
    }

    @Test
    void theSimulatorRefusesReceiptDataAsYooKassaDoes() {
        Api shop = anonymous.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("demo-shop:demo-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String item = "{\"description\":\"Коворкинг\",\"quantity\":\"2.00\",\"amount\":" + money("100.00")
                + ",\"vat_code\":11,\"payment_mode\":\"full_prepayment\",\"payment_subject\":\"service\"}";
        String noContact = "{\"amount\":" + money("200.00") + ",\"capture\":false,\"description\":\"x\",\"confirmation\":{\"type\":"
                + "\"redirect\",\"return_url\":\"http://shop\"},\"receipt\":{\"customer\":{},\"items\":[" + item + "]}}";
        Api.Response refused = shop.header("Idempotence-Key", "receipt-check-1").post("/simulator/v3/payments", noContact);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("invalid_request");
        assertThat(refused.text("/parameter")).isEqualTo("receipt.customer");

        String wrongSum = noContact.replace("\"customer\":{}", "\"customer\":{\"email\":\"orlova@example.com\"}")
                .replace("\"value\":\"200.00\"", "\"value\":\"250.00\"");
        refused = shop.header("Idempotence-Key", "receipt-check-2").post("/simulator/v3/payments", wrongSum);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/parameter")).isEqualTo("receipt.items");
        assertThat(refused.text("/description")).contains("200.00").contains("250.00");

        String right = wrongSum.replace("\"value\":\"250.00\"", "\"value\":\"200.00\"");
        assertThat(shop.header("Idempotence-Key", "receipt-check-3").post("/simulator/v3/payments", right).status()).isEqualTo(200);
    }

    @Test
    void aFullOnlinePaymentGetsOneFullPrepaymentReceiptWithTheTariffsVat() {
        String order = placeOnline("FULL", 2, GUESTS_OWN);
        String payment = pressPay(order);
        assertThat(anonymous.get("/simulator/checkout/" + payment).body()).contains("full_prepayment").contains(GUESTS_OWN);
        assertThat(anonymous.post("/simulator/control/payments/" + payment + "/succeed", null).status()).isEqualTo(200);

        Api.Response registered = receiptState(order, 0, "SUCCEEDED");
        JsonNode receipt = registered.json().path("receipts").get(0);
        assertThat(registered.json().path("receipts").size()).isEqualTo(1);
        assertThat(receipt.path("kind").asText()).isEqualTo("PAYMENT");
        assertThat(receipt.path("kindLabel").asText()).isEqualTo("Чек прихода");
        assertThat(receipt.path("paymentMode").asText()).isEqualTo("FULL_PREPAYMENT");
        assertThat(receipt.at("/amount/value").asText()).isEqualTo("200.00");
        assertThat(receipt.path("sentTo").asText()).isEqualTo(GUESTS_OWN);
        assertThat(receipt.path("fiscalDocumentNumber").asText()).isNotBlank();
        JsonNode item = receipt.path("items").get(0);
        assertThat(item.path("description").asText()).isEqualTo("Коворкинг на 2 этаже, тариф «Стандарт»");
        assertThat(item.path("quantity").asLong()).isEqualTo(2);
        assertThat(item.at("/unitPrice/value").asText()).isEqualTo("100.00");
        assertThat(item.path("vatCode").asInt()).isEqualTo(11);
        assertThat(item.path("paymentSubject").asText()).isEqualTo("service");

        // what the gateway got: one receipt, the tariff's VAT, the merchant's tax system, the guest's e-mail
        List<JsonNode> atGateway = gatewayReceipts(order);
        assertThat(atGateway).hasSize(1);
        JsonNode sent = atGateway.get(0);
        assertThat(sent.path("type").asText()).isEqualTo("payment");
        assertThat(sent.path("status").asText()).isEqualTo("succeeded");
        assertThat(sent.path("tax_system_code").asInt()).isEqualTo(1);
        assertThat(sent.at("/customer/email").asText()).isEqualTo(GUESTS_OWN);
        assertThat(sent.at("/items/0/payment_mode").asText()).isEqualTo("full_prepayment");
        assertThat(sent.at("/items/0/vat_code").asInt()).isEqualTo(11);
        assertThat(sent.at("/items/0/payment_subject").asText()).isEqualTo("service");
        sumsTo(sent, "200.00");

        assertThat(guest.get("/api/my/orders/" + order + "/timeline").body()).contains("Чек прихода на 200,00").contains("₽ зарегистрирован (ФД №");
        assertThat(guest.get("/api/my/orders/" + order).text("/receipts/0/status")).isEqualTo("SUCCEEDED");
        JsonNode events = auditor.get("/api/audit/orders/" + order + "/events").json();
        assertThat(events.findValuesAsText("type")).contains("ReceiptRecorded");
    }

    @Test
    void aPartialPrepaymentIsSettledOnceAfterCompletionForExactlyWhatWasPrepaid() {
        String order = placeOnline("PARTIAL", 4, null);
        String payment = pressPay(order);
        assertThat(anonymous.post("/simulator/control/payments/" + payment + "/succeed", null).status()).isEqualTo(200);
        JsonNode prepaid = receiptState(order, 0, "SUCCEEDED").json().path("receipts").get(0);
        assertThat(prepaid.path("paymentMode").asText()).isEqualTo("PARTIAL_PREPAYMENT");
        assertThat(prepaid.at("/amount/value").asText()).isEqualTo("100.00");
        assertThat(prepaid.path("sentTo").asText()).as("no e-mail: the phone").isEqualTo("+79125551234");
        JsonNode sent = gatewayReceipts(order).get(0);
        assertThat(sent.at("/items/0/payment_mode").asText()).isEqualTo("partial_prepayment");
        assertThat(sent.at("/customer/phone").asText()).isEqualTo("79125551234");
        sumsTo(sent, "100.00");

        // the rest at the desk, then the rental is over and the order completed
        Api.Response paid = manager.post("/api/orders/" + order + "/payments", payment("300.00", "CASH"));
        assertThat(paid.status()).as(paid.toString()).isIn(200, 201);
        completeAfterItsRental(order);
        Api.Response settled = receiptState(order, 1, "SUCCEEDED");
        JsonNode settlement = settled.json().path("receipts").get(1);
        assertThat(settlement.path("kind").asText()).isEqualTo("SETTLEMENT");
        assertThat(settlement.at("/amount/value").asText()).isEqualTo("100.00");
        assertThat(settlement.path("paymentMode").asText()).isEqualTo("FULL_PAYMENT");
        assertThat(settlement.at("/settlements/0/type").asText()).isEqualTo("PREPAYMENT");
        assertThat(settlement.at("/settlements/0/amount/value").asText()).isEqualTo("100.00");
        assertThat(settlement.path("settlements").size()).as("desk payments are not the register's by default").isEqualTo(1);

        List<JsonNode> atGateway = gatewayReceipts(order);
        List<JsonNode> settlements = atGateway.stream().filter(r -> r.path("settlements").toString().contains("\"type\":\"prepayment\"")).toList();
        assertThat(settlements).hasSize(1);
        assertThat(settlements.get(0).at("/items/0/payment_mode").asText()).isEqualTo("full_payment");
        assertThat(settlements.get(0).path("payment_id").asText()).isEqualTo(payment);
        sumsTo(settlements.get(0), "100.00");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body())
                .contains("Чек зачёта предоплаты на 100,00").contains("₽ зарегистрирован (ФД №");
    }

    @Test
    void aRefundThroughTheGatewayCarriesItsRefundReceipt() {
        String order = placeOnline("FULL", 2, GUESTS_OWN);
        String payment = pressPay(order);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);
        receiptState(order, 0, "SUCCEEDED");
        Api.Response cancelled = manager.post("/api/orders/" + order + "/cancellation", "{\"reason\":\"Гость передумал\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isIn(200, 204);

        JsonNode refund = receiptState(order, 1, "SUCCEEDED").json().path("receipts").get(1);
        assertThat(refund.path("kind").asText()).isEqualTo("REFUND");
        assertThat(refund.path("kindLabel").asText()).isEqualTo("Чек возврата прихода");
        assertThat(refund.at("/amount/value").asText()).isEqualTo("200.00");
        assertThat(refund.path("paymentMode").asText()).as("the modes of what is refunded").isEqualTo("FULL_PREPAYMENT");
        JsonNode sent = gatewayReceipts(order).stream().filter(r -> "refund".equals(r.path("type").asText())).findFirst().orElseThrow();
        assertThat(sent.path("refund_id").asText()).isEqualTo(refund.path("refundId").asText());
        assertThat(sent.at("/items/0/payment_mode").asText()).isEqualTo("full_prepayment");
        sumsTo(sent, "200.00");
    }

    @Test
    void aReceiptTheRegisterCancelsIsAVisibleFailureAndThePaymentStands() {
        simulatorFaults(SimulatorFaults.none().withCancelledReceipts());
        String order = placeOnline("FULL", 2, null);
        String payment = pressPay(order);
        anonymous.post("/simulator/control/payments/" + payment + "/succeed", null);

        Api.Response failed = receiptState(order, 0, "CANCELED");
        assertThat(failed.text("/paymentStatus")).as("the money is recorded whatever became of the receipt").isEqualTo("PAID");
        assertThat(failed.text("/paid/value")).isEqualTo("200.00");
        assertThat(failed.text("/receipts/0/statusLabel")).isEqualTo("не зарегистрирован");
        assertThat(failed.text("/receipts/0/reason")).contains("canceled");
        assertThat(manager.get("/api/orders/" + order + "/timeline").body()).contains("Чек прихода на 200,00").contains("₽ не зарегистрирован: Касса не зарегистрировала чек");
        assertThat(guest.get("/api/my/orders/" + order + "/timeline").body()).doesNotContain("не зарегистрирован");
        assertThat(guest.get("/api/my/orders/" + order).json().at("/receipts/0/reason").isNull()).isTrue();
        assertThat(management.get("/actuator/prometheus").body()).containsPattern("(?m)^orderdesk_receipts_failed_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void receiptDataTheGatewayRefusesIsShownAndThePaymentIsMadeOnceItIsAccepted() {
        simulatorFaults(SimulatorFaults.none().withRejectedReceipts());
        String order = placeOnline("FULL", 2, null);
        Api.Response refused = receiptState(order, 0, "FAILED");
        assertThat(refused.text("/receipts/0/reason")).contains("Receipt is rejected");
        assertThat(refused.text("/status")).isEqualTo("AWAITING_PAYMENT");
        simulatorFaults(SimulatorFaults.none());

        // the saga asks again; once the gateway takes the receipt the guest pays and the order is confirmed
        Api.Response created = eventually("payment created", () -> detail(order), r -> !r.json().at("/onlinePayment/gatewayPaymentId").isMissingNode()
                && !r.json().at("/onlinePayment/gatewayPaymentId").isNull());
        anonymous.post("/simulator/control/payments/" + created.text("/onlinePayment/gatewayPaymentId") + "/succeed", null);
        Api.Response paid = eventually("paid", () -> detail(order), r -> "CONFIRMED".equals(r.text("/status"))
                && r.json().path("receipts").size() == 2 && "SUCCEEDED".equals(r.text("/receipts/1/status")));
        assertThat(paid.text("/paid/value")).isEqualTo("200.00");
        assertThat(gatewayReceipts(order)).hasSize(1);
    }
}
