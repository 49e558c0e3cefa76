package com.orderdesk.query.timeline;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface TimelineRepository extends JpaRepository<TimelineEntryRow, String> {
    // Queries are written out, not derived from the method name: Spring Data JPA makes a derived query under a
    // lock per repository method, which queued every concurrent reader of the order form behind one another
    // (JFR, 32 connections) while they held their database connections.
    @Query("select e from TimelineEntryRow e where e.orderId = ?1 order by e.sequence")
    List<TimelineEntryRow> findByOrderIdOrderBySequenceAsc(String orderId);

    /** Empties the read model for a replay (docs/adr/011: TRUNCATE, not DELETE). */
    @Modifying
    @Query(value = "truncate table timeline_entry", nativeQuery = true)
    void truncate();
}
