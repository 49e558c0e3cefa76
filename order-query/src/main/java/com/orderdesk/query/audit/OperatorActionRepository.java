package com.orderdesk.query.audit;

import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorActionRepository extends JpaRepository<OperatorAction, String> {
}
