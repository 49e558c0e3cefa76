package com.orderdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes a store whose payment sagas hold 54-ФЗ receipt work, for {@link ReceiptSagaSplitTest} (issue 29): run on the
 * build whose {@code PaymentSaga} still did receipts, with {@code -Dreceipt.fixture.write=<directory>} (the module's two
 * surefire runs write the H2 file and, with {@code pg_dump} on the path, the PostgreSQL dump). Settlement receipts are
 * due at the rental's start ({@code settlement-on: RENTAL_START}) and a receipt is first looked at an hour after it is
 * handed over, so when the service stops, the saga of an order paid online holds a receipt it watches (its look an hour
 * ahead), the settlement it wants and that settlement's deadline at the rental's start, a month ahead; and the saga
 * of an order cancelled by staff while the gateway's API was down holds the refund to ask for and the settlement receipt
 * to have made, with the saga's gateway retry.
 * <p>
 * The fixture under {@code src/test/resources/store-fixture/receipts-in-payment-saga} was written on 2026-12-07 by commit
 * fd6c69b (the last build with one saga for payments, refunds and receipts) with the simulator's refund-outage fault
 * ({@code failRefundCreates}, added with the split) applied.
 */
@EnabledIfSystemProperty(named = "receipt.fixture.write", matches = ".+")
class ReceiptSagaFixtureWriter {
    @Test
    void writeAStoreWithReceiptWorkInThePaymentSaga(@TempDir Path dataDir) throws Exception {
        Path out = Path.of(System.getProperty("receipt.fixture.write")).toAbsolutePath();
        ObjectNode facts = new ObjectMapper().createObjectNode();
        facts.put("writtenAt", Instant.now().toString());
        try (TestApp app = TestApp.start(dataDir, "--orderdesk.receipts.settlement-on=RENTAL_START", "--orderdesk.receipts.first-poll=1h",
                "--orderdesk.receipts.max-poll=2h")) {
            LocalDate day = app.clock().today(OrderBodies.PERM).plusDays(30);
            String order = StoreFixtureWriter.payOnline(app, app.as("guest"), app.anonymous(), day);
            facts.put("paidOnline", order);
            JdbcTemplate jdbc = app.jdbc();
            // the capture's answer comes back to the saga: it watches the payment's receipt and wants its settlement
            com.orderdesk.app.support.Await.until("the saga to watch the receipt and schedule the settlement",
                    () -> jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class) == 2);
            StoreFixtureWriter.settle(app, app.as("auditor"), true);
            String saga = jdbc.queryForObject("select serialized_saga from saga_entry", (rs, n) -> new String(rs.getBytes(1),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(saga).contains("\"settlementWanted\":true").contains("\"watchedReceipts\":{\"payment:");

            // an order paid online and cancelled by staff returning half of it while the gateway's API is down: its saga
            // holds the refund to ask for and the settlement receipt of what the order keeps to have made, both waiting
            // for the saga's retry of the gateway
            String cancelled = StoreFixtureWriter.payOnline(app, app.as("guest"), app.anonymous(), day.plusDays(1));
            facts.put("cancelledWhileDown", cancelled);
            com.orderdesk.app.support.SimulatorFaults.none().withFailedRefundCreates(1_000_000).withFailedReceiptCreates(1_000_000)
                    .applyTo(app.anonymous());
            Api.Response cancel = app.as("manager").post("/api/orders/" + cancelled + "/cancellation",
                    "{\"reason\":\"Клиент отказался\",\"refundAmount\":{\"value\":\"100.00\",\"currency\":\"RUB\"}}");
            assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
            com.orderdesk.app.support.Await.until("the refund and the settlement receipt waiting for the gateway", () -> jdbc.queryForList(
                    "select serialized_saga from saga_entry", byte[].class).stream().map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .anyMatch(json -> json.contains(cancelled) && json.contains("\"toRefund\":{\"") && json.contains("\"settlementToCreate\":{")
                            && !json.contains("\"retryId\":null")));
            facts.put("sagas", jdbc.queryForObject("select count(*) from saga_entry", Long.class));
            facts.put("deadlines", jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class));
            facts.put("head", jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        }
        StoreFixtureWriter.save(dataDir, out, facts);
    }
}
