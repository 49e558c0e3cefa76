package com.orderdesk.query.cash;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

interface CashEntryRepository extends JpaRepository<CashEntryRow, String> {
    /** A service's money lines of one day (its zone), in the order they happened. Written out, not derived (see TimelineRepository). */
    @Query("select e from CashEntryRow e where e.serviceId = ?1 and e.localDate = ?2 and e.kind <> 'ORDER' order by e.at, e.entryId")
    List<CashEntryRow> findDay(String serviceId, LocalDate day);

    /** The service's newest order header: its name and zone as orders last recorded them. */
    @Query("select e from CashEntryRow e where e.serviceId = ?1 and e.kind = 'ORDER' order by e.at desc limit 1")
    java.util.Optional<CashEntryRow> newestHeader(String serviceId);

    /** Empties the read model for a replay (docs/adr/011: TRUNCATE, not DELETE). */
    @Modifying
    @Query(value = "truncate table cash_entry", nativeQuery = true)
    void truncate();
}
