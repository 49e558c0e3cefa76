package com.orderdesk.query.timeline;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface TimelineRepository extends JpaRepository<TimelineEntryRow, String> {
    List<TimelineEntryRow> findByOrderIdOrderBySequenceAsc(String orderId);

    List<TimelineEntryRow> findByOrderIdAndKindInOrderBySequenceAsc(String orderId, Collection<String> kinds);
}
