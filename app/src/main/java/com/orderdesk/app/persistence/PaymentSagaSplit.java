package com.orderdesk.app.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.serializer.JavaSerializer;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 29 split the payment saga by job: the payment saga (create, capture or release, the payment deadline), the
 * refund saga (refunds through the gateway) and the receipt saga (54-ФЗ receipts after they are handed over). A payment
 * saga stored before holds all three jobs' work. This migration (Flyway V13, run before Axon starts) gives each stored
 * payment saga's refund and receipt work a saga of its own, associated with the same order, with that work in the
 * fields of the same names; it moves the deadlines of that work (the receipt poll, the settlement at the rental's
 * start) to the new saga — db-scheduler's row keeps its id and time, its Axon details name the new saga — and gives a
 * new saga whose work waited for the old saga's gateway retry a retry of its own at the same time. A payment still under
 * way gives the receipt saga the rental's start its receipt's settlement needs. The payment saga keeps its payment
 * work; one with none left ends here, as it would have at its next event.
 */
public abstract class PaymentSagaSplit extends BaseJavaMigration {
    static final String PAYMENT_SAGA = "com.orderdesk.payment.saga.PaymentSaga";
    static final String RECEIPT_SAGA = "com.orderdesk.payment.receipt.ReceiptSaga";
    static final String REFUND_SAGA = "com.orderdesk.payment.refund.RefundSaga";
    private static final List<String> RECEIPT_FIELDS = List.of("watchedReceipts", "pollId", "pollAttempt", "settlementWanted",
            "cancelled", "rentalStart", "settlementDeadlineId", "settlementToCreate", "refundReceiptsToCreate");
    private static final Logger log = LoggerFactory.getLogger(PaymentSagaSplit.class);
    private final ObjectMapper json = new ObjectMapper();
    private final JavaSerializer tasks = new JavaSerializer();
    private long associationId;

    private record Stored(String id, byte[] saga) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<Stored> sagas = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select saga_id, serialized_saga from saga_entry where saga_type = ?")) {
            select.setString(1, PAYMENT_SAGA);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sagas.add(new Stored(rows.getString(1), rows.getBytes(2)));
                }
            }
        }
        associationId = lowestAssociationId(connection);
        int receipts = 0;
        int refunds = 0;
        int ended = 0;
        for (Stored stored : sagas) {
            ObjectNode payment = (ObjectNode) json.readTree(stored.saga());
            String retryId = text(payment, "retryId");
            int retryAttempt = payment.path("retryAttempt").asInt();
            boolean toTalk = !isEmpty(payment, "toCreate") || !isEmpty(payment, "toSettle");
            boolean paymentWork = toTalk || !isEmpty(payment, "open") || !text(payment, "deadlineId").isEmpty();

            ObjectNode receipt = json.createObjectNode();
            receipt.set("orderId", payment.get("orderId"));
            for (String field : RECEIPT_FIELDS) {
                JsonNode value = payment.remove(field);
                if (value != null) {
                    receipt.set(field, value);
                }
            }
            // a payment still under way keeps the rental's start for its receipt's settlement, as a new prepayment request
            // does in the receipt saga (awaitingPrepayment until its receipt is handed over, or the order ends)
            boolean awaitingPrepayment = paymentWork && !text(receipt, "rentalStart").isEmpty() && !receipt.path("cancelled").asBoolean();
            receipt.put("awaitingPrepayment", awaitingPrepayment);
            boolean receiptsToMake = !text(receipt, "settlementToCreate").isEmpty() || !isEmpty(receipt, "refundReceiptsToCreate");
            if (!isEmpty(receipt, "watchedReceipts") || !text(receipt, "pollId").isEmpty() || receipt.path("settlementWanted").asBoolean()
                    || !text(receipt, "settlementDeadlineId").isEmpty() || receiptsToMake || awaitingPrepayment) {
                String sagaId = newSagaId("receipts", stored);
                moveDeadline(connection, text(receipt, "pollId"), RECEIPT_SAGA, sagaId);
                moveDeadline(connection, text(receipt, "settlementDeadlineId"), RECEIPT_SAGA, sagaId);
                retry(connection, receipt, receiptsToMake ? retryId : "", retryAttempt, RECEIPT_SAGA, sagaId, "receipt-gateway-retry");
                insert(connection, sagaId, RECEIPT_SAGA, receipt);
                receipts++;
            }

            ObjectNode refund = json.createObjectNode();
            refund.set("orderId", payment.get("orderId"));
            JsonNode toRefund = payment.remove("toRefund");
            if (toRefund != null && !toRefund.isEmpty()) {
                refund.set("toRefund", toRefund);
                String sagaId = newSagaId("refunds", stored);
                retry(connection, refund, retryId, retryAttempt, REFUND_SAGA, sagaId, "refund-gateway-retry");
                insert(connection, sagaId, REFUND_SAGA, refund);
                refunds++;
            }

            if (paymentWork) {
                update(connection, "update saga_entry set serialized_saga = ? where saga_id = ?", json.writeValueAsBytes(payment), stored.id());
            } else {
                // nothing of the payment's own is left: it ends, and its retry (if any) with it — each new saga has its own
                update(connection, "delete from association_value_entry where saga_id = ?", null, stored.id());
                update(connection, "delete from saga_entry where saga_id = ?", null, stored.id());
                if (!retryId.isEmpty()) {
                    update(connection, "delete from scheduled_tasks where task_instance = ?", null, retryId);
                }
                ended++;
            }
        }
        log.info("Payment sagas split (issue 29): {} stored; {} receipt and {} refund sagas made of their work; {} payment sagas had "
                + "nothing of their own left and ended", sagas.size(), receipts, refunds, ended);
    }

    private String newSagaId(String job, Stored stored) {
        return UUID.nameUUIDFromBytes((job + ":" + stored.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The new saga's gateway retry: a copy of the old saga's, at its time, under the new saga's name for it (none without one). */
    private void retry(Connection connection, ObjectNode saga, String oldRetryId, int attempt, String type, String sagaId, String name)
            throws Exception {
        String copy = oldRetryId.isEmpty() ? null : UUID.randomUUID().toString();
        if (copy != null && !copyDeadline(connection, oldRetryId, copy, type, sagaId, name)) {
            copy = null; // it fired already: the new saga retries at its next event
        }
        saga.put("retryId", copy);
        saga.put("retryAttempt", copy == null ? 0 : attempt);
    }

    private void insert(Connection connection, String sagaId, String type, ObjectNode saga) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into saga_entry (saga_id, saga_type, revision, serialized_saga) values (?, ?, null, ?)")) {
            insert.setString(1, sagaId);
            insert.setString(2, type);
            insert.setBytes(3, json.writeValueAsBytes(saga));
            insert.executeUpdate();
        }
        try (PreparedStatement associate = connection.prepareStatement("insert into association_value_entry "
                + "(id, association_key, association_value, saga_id, saga_type) values (?, 'orderId', ?, ?, ?)")) {
            associate.setLong(1, --associationId);
            associate.setString(2, saga.path("orderId").asText());
            associate.setString(3, sagaId);
            associate.setString(4, type);
            associate.executeUpdate();
        }
    }

    /** Points the deadline {@code id} (if it is still there) at saga {@code sagaId} of {@code type}: same row, same time. */
    private void moveDeadline(Connection connection, String id, String type, String sagaId) throws Exception {
        byte[] data = taskData(connection, id);
        if (data != null) {
            update(connection, "update scheduled_tasks set task_data = ? where task_instance = ?", repointed(data, id, type, sagaId, null), id);
        }
    }

    /** A copy of deadline {@code id} under {@code newId} for saga {@code sagaId} of {@code type}, named {@code name}; false if it is gone. */
    private boolean copyDeadline(Connection connection, String id, String newId, String type, String sagaId, String name) throws Exception {
        byte[] data = taskData(connection, id);
        if (data == null) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into scheduled_tasks (task_name, task_instance, task_data, "
                + "execution_time, picked, consecutive_failures, version, priority) select task_name, ?, ?, execution_time, false, 0, 1, priority "
                + "from scheduled_tasks where task_instance = ?")) {
            insert.setString(1, newId);
            insert.setBytes(2, repointed(data, id, type, sagaId, name));
            insert.setString(3, id);
            insert.executeUpdate();
        }
        return true;
    }

    private byte[] taskData(Connection connection, String id) throws SQLException {
        if (id.isEmpty()) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("select task_data from scheduled_tasks where task_instance = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null; // gone: it fired (or was cancelled) already
            }
        }
    }

    /** Axon's details of a deadline (db-scheduler stores them Java-serialized), its scope now the saga {@code sagaId} of {@code type}. */
    private byte[] repointed(byte[] data, String id, String type, String sagaId, String name) throws Exception {
        DbSchedulerBinaryDeadlineDetails details = tasks.deserialize(DbSchedulerBinaryDeadlineDetails.class, data);
        ObjectNode scope = (ObjectNode) json.readTree(details.getS());
        // Axon names a saga's scope by the saga's simple name
        if (!simpleName(PAYMENT_SAGA).equals(scope.path("type").asText())) {
            throw new IllegalStateException("Deadline " + id + " is not a payment saga's: " + scope);
        }
        scope.put("type", simpleName(type));
        scope.put("identifier", sagaId);
        return tasks.serialize(new DbSchedulerBinaryDeadlineDetails(name != null ? name : details.getD(), json.writeValueAsBytes(scope),
                details.getSc(), details.getP(), details.getPc(), details.getR(), details.getM()));
    }

    private static void update(Connection connection, String sql, byte[] value, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            if (value != null) {
                update.setBytes(index++, value);
            }
            update.setString(index, id);
            update.executeUpdate();
        }
    }

    private static long lowestAssociationId(Connection connection) throws SQLException {
        // Hibernate hands out positive ids from its sequence; the migration's rows take ids below every one there is
        try (PreparedStatement select = connection.prepareStatement("select coalesce(min(id), 0) from association_value_entry");
             ResultSet row = select.executeQuery()) {
            row.next();
            return Math.min(row.getLong(1), 0);
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
    }

    private static boolean isEmpty(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isEmpty();
    }
}
