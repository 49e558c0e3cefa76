package com.orderdesk.query.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must see only committed state: run after the database transaction commits — the request's own when it has
 * one (docs/adr/017), which may end after the unit of work — after the current unit of work commits when there is no
 * Spring transaction, or now when there is neither.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    task.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> task.run());
        } else {
            task.run();
        }
    }
}
