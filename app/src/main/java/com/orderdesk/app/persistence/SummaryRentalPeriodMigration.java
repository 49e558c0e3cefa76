package com.orderdesk.app.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * V8 (issue 13): the order list keeps each order's rental period, so «Мои заказы» and the exports show it. Adds the
 * two columns and fills them for the orders already there from their {@code OrderPlaced} events — the store is the
 * truth, and a projection replay would do the same but only when an operator asks. One migration for both stores
 * (the column type is the same on H2 and PostgreSQL), registered as a bean: Spring Boot hands Flyway every
 * {@code JavaMigration} bean, so nothing depends on scanning the packaged jar for classes.
 */
@Component
public class SummaryRentalPeriodMigration implements JavaMigration {
    private static final Logger log = LoggerFactory.getLogger(SummaryRentalPeriodMigration.class);
    static final String ORDER_PLACED = "com.orderdesk.shared.order.event.OrderPlaced";
    private static final int BATCH = 1_000;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "summary rental period";
    }

    /** Changing this class after it ran changes no checksum: what it did is in the schema and the rows. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table order_summary add column rental_start timestamp(6) with time zone");
            ddl.execute("alter table order_summary add column rental_end timestamp(6) with time zone");
        }
        long orders;
        try (Statement count = connection.createStatement();
             ResultSet result = count.executeQuery("select count(*) from order_summary")) {
            result.next();
            orders = result.getLong(1);
        }
        if (orders == 0) {
            return;
        }
        long filled = 0;
        long unreadable = 0;
        long started = System.nanoTime();
        try (PreparedStatement read = connection.prepareStatement(
                "select aggregate_identifier, payload from domain_event_entry where payload_type = ? and sequence_number = 0");
             PreparedStatement write = connection.prepareStatement(
                     "update order_summary set rental_start = ?, rental_end = ? where order_id = ?")) {
            read.setString(1, ORDER_PLACED);
            read.setFetchSize(BATCH);
            try (ResultSet events = read.executeQuery()) {
                int pending = 0;
                while (events.next()) {
                    String orderId = events.getString(1);
                    JsonNode period = json.readTree(new String(events.getBytes(2), StandardCharsets.UTF_8)).path("rentalPeriod");
                    Instant start = instant(period.path("start"));
                    Instant end = instant(period.path("end"));
                    if (start == null || end == null) {
                        unreadable++;
                        log.warn("Order {}: no rental period in its OrderPlaced event; its list row keeps none", orderId);
                        continue;
                    }
                    write.setTimestamp(1, Timestamp.from(start));
                    write.setTimestamp(2, Timestamp.from(end));
                    write.setString(3, orderId);
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                    if (++filled % 20_000 == 0) {
                        log.info("V8: rental periods of {} / {} orders ({}%)", filled, orders, filled * 100 / orders);
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
        log.info("V8: rental periods of {} orders filled from their events in {} ms{}", filled, (System.nanoTime() - started) / 1_000_000,
                unreadable == 0 ? "" : "; " + unreadable + " without one");
    }

    /** An instant as the event store's Jackson wrote it: ISO text, or seconds (with nanoseconds) as a number. */
    static Instant instant(JsonNode value) {
        if (value.isTextual()) {
            return Instant.parse(value.asText());
        }
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return null;
    }
}
