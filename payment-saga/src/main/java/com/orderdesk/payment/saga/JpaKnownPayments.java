package com.orderdesk.payment.saga;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** {@link KnownPayments} in the table {@code gateway_payment_ref}, written in the saga's own transaction. */
@Component
class JpaKnownPayments implements KnownPayments {
    @PersistenceContext
    private EntityManager entityManager;
    private final Clock clock;

    JpaKnownPayments(Clock clock) {
        this.clock = clock;
    }

    @Override
    @Transactional
    public void remember(String paymentId, String orderId) {
        if (entityManager.find(GatewayPaymentRef.class, paymentId) == null) {
            entityManager.persist(new GatewayPaymentRef(paymentId, orderId, clock.instant()));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean knows(String paymentId) {
        return entityManager.find(GatewayPaymentRef.class, paymentId) != null;
    }

    @Entity
    @Table(name = "gateway_payment_ref")
    static class GatewayPaymentRef {
        @Id
        @Column(name = "payment_id", length = 100)
        String paymentId;
        @Column(name = "order_id", length = 64, nullable = false)
        String orderId;
        @Column(name = "created_at", nullable = false)
        Instant createdAt;

        protected GatewayPaymentRef() {
        }

        GatewayPaymentRef(String paymentId, String orderId, Instant createdAt) {
            this.paymentId = paymentId;
            this.orderId = orderId;
            this.createdAt = createdAt;
        }
    }
}
