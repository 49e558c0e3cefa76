package com.orderdesk.query.timeline;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface TimelineRepository extends JpaRepository<TimelineEntryRow, String> {
    List<TimelineEntryRow> findByOrderIdOrderBySequenceAsc(String orderId);

    List<TimelineEntryRow> findByOrderIdAndKindInOrderBySequenceAsc(String orderId, Collection<String> kinds);

    @Query("select max(t.sequence) from TimelineEntryRow t where t.orderId = :orderId")
    Optional<Long> lastSequence(String orderId);

    @Query("select t.timeZone from TimelineEntryRow t where t.orderId = :orderId and t.sequence = 0")
    Optional<String> zoneOf(String orderId);
}
