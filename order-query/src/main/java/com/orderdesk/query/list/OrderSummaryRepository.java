package com.orderdesk.query.list;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Optional;

interface OrderSummaryRepository extends JpaRepository<OrderSummaryRow, String>, JpaSpecificationExecutor<OrderSummaryRow> {
    Optional<OrderSummaryRow> findByNumber(String number);
}
