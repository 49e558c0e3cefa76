package com.orderdesk.query.list;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Optional;

interface OrderSummaryRepository extends JpaRepository<OrderSummaryRow, String>, JpaSpecificationExecutor<OrderSummaryRow> {
    /** Written out: a derived query is made under a lock per method (see OrderDetailItemRepository). */
    @Query("select s from OrderSummaryRow s where s.number = ?1")
    Optional<OrderSummaryRow> findByNumber(String number);

    /** Empties the read model for a replay (docs/adr/011: TRUNCATE, not DELETE). */
    @Modifying
    @Query(value = "truncate table order_summary", nativeQuery = true)
    void truncate();
}
