package com.orderdesk.query.list;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface OrderSummaryRepository extends JpaRepository<OrderSummaryRow, String>, JpaSpecificationExecutor<OrderSummaryRow> {
}
