package com.orderdesk.query.detail;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface OrderDetailRepository extends JpaRepository<OrderDetailRow, String> {
    Optional<OrderDetailRow> findByNumber(String number);
}
