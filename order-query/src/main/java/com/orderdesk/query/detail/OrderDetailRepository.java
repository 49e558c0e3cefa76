package com.orderdesk.query.detail;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface OrderDetailRepository extends JpaRepository<OrderDetailRow, String> {
    /** Written out: a derived query is made under a lock per method (see OrderDetailItemRepository). */
    @Query("select d from OrderDetailRow d where d.number = ?1")
    Optional<OrderDetailRow> findByNumber(String number);

    /** Empties the read model for a replay (docs/adr/011: TRUNCATE, not DELETE). */
    @Modifying
    @Query(value = "truncate table order_detail", nativeQuery = true)
    void truncate();
}
