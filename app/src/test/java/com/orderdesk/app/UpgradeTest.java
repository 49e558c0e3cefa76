package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: a database at an earlier schema version (V1: before operators' actions were recorded, before the
 * search indexes and the replay control, its order forms holding their payments; issue 14: its orders placed before
 * visitors had an e-mail, OrderPlaced without a revision) with orders in it; the new version
 * starts on it, migrates it (V2 to V11)
 * and serves the old orders — detail, list, timeline, audit history and seal — and goes on with them.
 */
class UpgradeTest {

    @Test
    void aVersionOneDatabaseIsMigratedAndItsOrdersAreServed(@TempDir Path dataDir) throws Exception {
        String orderId;
        String number;
        String detailBefore;
        String timelineBefore;
        try (TestApp old = TestApp.start(dataDir)) {
            Api manager = old.anonymous().as("manager");
            Api.Response placed = manager.post("/api/orders", old.orderBody(2, 4, "PARTIAL"));
            orderId = placed.text("/orderId");
            number = placed.text("/number");
            assertThat(manager.post("/api/orders/" + orderId + "/payments", HttpTestBase.payment("150.00", "CASH")).status()).isEqualTo(201);
            assertThat(manager.post("/api/orders/" + orderId + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"до обновления\"}")
                    .status()).isEqualTo(201);
            detailBefore = manager.get("/api/orders/" + orderId).body();
            timelineBefore = manager.get("/api/orders/" + orderId + "/timeline").body();

            // the catch-up processors are through (they would trip over the tables taken away below)
            Api auditorBefore = old.anonymous().as("auditor");
            HttpTestBase.eventually("projections caught up", () -> auditorBefore.get("/api/admin/projections"),
                    HttpTestBase::allCaughtUp);

            // take the database back to what version 1 of the schema created: no operator_action, history at 1
            JdbcTemplate jdbc = old.jdbc();
            jdbc.execute("drop table operator_action");
            jdbc.execute("drop table gateway_payment_ref");
            jdbc.execute("drop index ix_inbox_claim");
            jdbc.execute("alter table payment_inbox drop column priority");
            jdbc.execute("drop table projection_control");
            // V1 sent no mail: no outbox, no processor for it
            jdbc.execute("drop table notification_outbox");
            jdbc.execute("drop table notification_order");
            jdbc.execute("drop table notification_opt_out");
            jdbc.execute("drop table mail_link_secret");
            // V1 held no hours (V12, issue 27)
            jdbc.execute("drop table space_hold");
            jdbc.update("delete from token_entry where processor_name = 'notifications'");
            // V1 had no cash book, nor a processor for it
            jdbc.execute("drop table cash_entry");
            jdbc.update("delete from token_entry where processor_name = 'cash-book'");
            // V1 had no reception (V14, issue 30)
            jdbc.execute("drop index ix_summary_service_rental");
            jdbc.execute("drop index ix_scheduled_tasks_due");
            jdbc.execute("alter table order_summary drop column checked_in_at");
            jdbc.execute("alter table order_summary drop column checked_out_at");
            jdbc.execute("drop table pass_secret");
            // V1's order list kept no rental period
            jdbc.execute("alter table order_summary drop column rental_start");
            jdbc.execute("alter table order_summary drop column rental_end");
            // a V1 order form holds its payments in its document
            jdbc.update("update order_detail set document = ? where order_id = ?", detailBefore, orderId);
            jdbc.execute("drop table order_detail_item");
            jdbc.execute("alter table order_detail drop column payment_count");
            jdbc.execute("alter table order_detail drop column refund_count");
            // the order was placed before visitors had an e-mail (OrderPlaced revision 2): its OrderPlaced as that
            // version stored it (no revision, a visitor of name and phone), sealed as that version sealed it
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            String previous = com.orderdesk.shared.audit.EventSeal.GENESIS;
            for (java.util.Map<String, Object> event : jdbc.queryForList("select sequence_number, payload_type, time_stamp, payload, "
                    + "meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number", orderId)) {
                long sequence = ((Number) event.get("sequence_number")).longValue();
                byte[] payload = (byte[]) event.get("payload");
                if (sequence == 0) {
                    com.fasterxml.jackson.databind.node.ObjectNode beforeEmail = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(payload);
                    assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) beforeEmail.get("visitor")).remove("email")).isNotNull();
                    payload = json.writeValueAsBytes(beforeEmail);
                }
                com.fasterxml.jackson.databind.node.ObjectNode metadata =
                        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree((byte[]) event.get("meta_data"));
                String hash = com.orderdesk.shared.audit.EventSeal.hash(previous, new com.orderdesk.shared.audit.EventSeal.Sealed(orderId,
                        sequence, (String) event.get("payload_type"), java.time.Instant.parse((String) event.get("time_stamp")), payload,
                        json.writeValueAsBytes(metadata)));
                metadata.put(com.orderdesk.shared.audit.EventSeal.HASH, hash);
                jdbc.update("update domain_event_entry set payload = ?, meta_data = ?" + (sequence == 0 ? ", payload_revision = null" : "")
                        + " where aggregate_identifier = ? and sequence_number = ?", payload, json.writeValueAsBytes(metadata), orderId, sequence);
                previous = hash;
            }
            if (TestDatabase.POSTGRES) {
                jdbc.execute("drop index ix_summary_visitor_name_trgm");
                jdbc.execute("drop index ix_summary_phone_trgm");
            } else {
                jdbc.execute("drop index ix_summary_visitor_name");
                // V1 kept H2's binary values (the events' payloads and metadata, tokens, sagas) as blobs
                for (String column : new String[] {"domain_event_entry.payload", "domain_event_entry.meta_data",
                        "snapshot_event_entry.payload", "snapshot_event_entry.meta_data", "token_entry.token",
                        "saga_entry.serialized_saga", "dead_letter_entry.payload", "dead_letter_entry.meta_data",
                        "dead_letter_entry.token", "dead_letter_entry.diagnostics"}) {
                    String[] tableColumn = column.split("\\.");
                    jdbc.execute("alter table " + tableColumn[0] + " alter column " + tableColumn[1] + " set data type blob");
                }
            }
            assertThat(jdbc.update("delete from \"flyway_schema_history\" where \"version\" in ('2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14')")).isEqualTo(13);
            assertThat(jdbc.queryForObject("select max(\"version\") from \"flyway_schema_history\"", String.class)).isEqualTo("1");
        }

        try (TestApp upgraded = TestApp.start(dataDir)) {
            JdbcTemplate jdbc = upgraded.jdbc();
            List<String> applied = jdbc.queryForList("select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null order by \"installed_rank\"", String.class);
            assertThat(applied).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");

            Api manager = upgraded.anonymous().as("manager");
            Api auditor = upgraded.anonymous().as("auditor");
            assertThat(manager.get("/api/orders/" + orderId).body()).isEqualTo(detailBefore);
            assertThat(manager.get("/api/orders/" + orderId + "/timeline").body()).isEqualTo(timelineBefore);
            JsonNode row = manager.get("/api/orders?q=" + number).json().path("items").get(0);
            assertThat(row.path("orderId").asText()).isEqualTo(orderId);
            // V8 filled the old order's rental period from its OrderPlaced event
            JsonNode period = new com.fasterxml.jackson.databind.ObjectMapper().readTree(detailBefore).path("rentalPeriod");
            assertThat(row.path("rentalPeriod")).as(row.toString()).isEqualTo(period);
            JsonNode verdict = auditor.get("/api/audit/orders/" + number + "/verify").json();
            assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.path("events").asLong()).isEqualTo(3);
            // the auditor reads the OrderPlaced the store holds, not the shape it is upcast to for everyone else
            JsonNode placedAsStored = auditor.get("/api/audit/orders/" + orderId + "/events").json().get(0).path("payload");
            assertThat(placedAsStored.path("visitor").has("email")).as(placedAsStored.toString()).isFalse();
            assertThat(placedAsStored.path("visitor").path("name").asText()).isEqualTo("Светлана Орлова");

            // the new cash book's processor starts at the beginning of the store: the old order's payment is in it
            // (the report of the payment's own day in Perm: the date, not "today", which may have turned meanwhile)
            String paidOn = java.time.OffsetDateTime.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(detailBefore)
                    .at("/payments/0/at").asText()).atZoneSameInstant(OrderBodies.PERM).toLocalDate().toString();
            HttpTestBase.eventually("the cash book caught up",
                    () -> manager.get("/api/reports/cash?serviceId=coworking-2nd-floor&date=" + paidOn),
                    r -> r.json().path("lines").findValuesAsText("orderId").contains(orderId));

            // and the old order goes on under the new version: its rules, its numbers, the new table
            assertThat(manager.post("/api/orders/" + orderId + "/payments", HttpTestBase.payment("210.00", "CASH")).code())
                    .isEqualTo("remainder-below-minimum");
            assertThat(manager.post("/api/orders/" + orderId + "/payments", HttpTestBase.payment("250.00", "CASH")).status()).isEqualTo(201);
            JsonNode paid = manager.get("/api/orders/" + orderId).json();
            assertThat(paid.path("paymentStatus").asText()).isEqualTo("PAID");
            assertThat(paid.path("payments").findValuesAsText("value")).containsExactly("150.00", "250.00");
            assertThat(jdbc.queryForObject("select count(*) from order_detail_item where order_id = ?", Integer.class, orderId))
                    .as("the old form's payment moved out of its document with the next one").isEqualTo(2);
            long next = Long.parseLong(manager.post("/api/orders", upgraded.orderBody(2, 1, "FULL")).text("/number"));
            assertThat(next).isEqualTo(Long.parseLong(number) + 1);
            assertThat(auditor.post("/api/admin/projections/order-list/replay", null).status()).isEqualTo(202);
            assertThat(auditor.get("/api/audit/actions").json().findValuesAsText("action")).contains("projection-replay-started");
        }
    }
}
