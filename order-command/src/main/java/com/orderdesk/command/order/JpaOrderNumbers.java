package com.orderdesk.command.order;

import com.orderdesk.shared.value.OrderNumber;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Numbers from a locked counter row in the placing command's own transaction: if the placement fails,
 * the number is not consumed; if it commits, number and order commit together. Across nodes the row
 * lock serialises placements, so numbers stay unique and increasing.
 */
@Component
class JpaOrderNumbers implements OrderNumbers {
    private static final int COUNTER_ID = 1;

    @PersistenceContext
    private EntityManager entityManager;
    private final long firstNumber;
    private final TransactionTemplate transactions;

    JpaOrderNumbers(@Value("${orderdesk.order-numbers.first:1000001}") long firstNumber,
                    PlatformTransactionManager transactionManager) {
        if (firstNumber < OrderNumber.FIRST || firstNumber > OrderNumber.LAST) {
            throw new IllegalArgumentException("orderdesk.order-numbers.first must have seven digits: " + firstNumber);
        }
        this.firstNumber = firstNumber;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderNumber allocate(String orderId) {
        AllocatedOrderNumber existing = entityManager.find(AllocatedOrderNumber.class, orderId);
        if (existing != null) {
            return OrderNumber.of(existing.number());
        }
        OrderNumberCounter counter = entityManager.find(OrderNumberCounter.class, COUNTER_ID, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            ensureCounter();
            counter = entityManager.find(OrderNumberCounter.class, COUNTER_ID, LockModeType.PESSIMISTIC_WRITE);
        }
        OrderNumber number = OrderNumber.of(counter.next());
        entityManager.persist(new AllocatedOrderNumber(orderId, Long.parseLong(number.value())));
        return number;
    }


    /** Creates the counter row in a transaction of its own; a concurrent creator winning is fine. */
    private void ensureCounter() {
        try {
            transactions.executeWithoutResult(status -> {
                if (entityManager.find(OrderNumberCounter.class, COUNTER_ID) == null) {
                    entityManager.persist(new OrderNumberCounter(COUNTER_ID, firstNumber - 1));
                }
            });
        } catch (RuntimeException raceLost) {
            // another node created it first; the locked read that follows sees theirs
        }
    }
}
