package com.orderdesk.command.space;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link HoldTable} on table {@code space_hold} (V12), through the transaction the caller runs in — the command's, so
 * that a hold and its event commit together or not at all (docs/adr/019).
 */
@Component
class JdbcHoldTable implements HoldTable {
    private final JdbcTemplate jdbc;

    public JdbcHoldTable(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<Hold> holds(String serviceId, Instant from, Instant to) {
        return jdbc.query("select hour_start, place, order_id from space_hold where service_id = ? and hour_start >= ? and hour_start < ?"
                        + " order by hour_start, place",
                (rs, n) -> new Hold(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2), rs.getString(3)),
                serviceId, at(from), at(to));
    }

    @Override
    public void insert(String serviceId, String orderId, Map<Instant, Integer> places) {
        List<Object[]> rows = new ArrayList<>(places.size());
        // in hour order, as every taker inserts: two takers wait for each other in one order, never in a circle
        places.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(place -> rows.add(new Object[]{serviceId, at(place.getKey()), place.getValue(), orderId}));
        try {
            jdbc.batchUpdate("insert into space_hold (service_id, hour_start, place, order_id) values (?, ?, ?, ?)", rows);
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            throw new SpaceTakenMeanwhile(e);
        }
    }

    @Override
    public int release(String orderId) {
        return jdbc.update("delete from space_hold where order_id = ?", orderId);
    }

    @Override
    public boolean holdsAny(String orderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from space_hold where order_id = ?", Boolean.class, orderId));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
