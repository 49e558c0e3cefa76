package com.orderdesk.query.detail;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface OrderDetailItemRepository extends JpaRepository<OrderDetailItemRow, String> {
    List<OrderDetailItemRow> findByOrderIdOrderByKindAscIndexAsc(String orderId);
}
