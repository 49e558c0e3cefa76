package com.orderdesk.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** Work that must see only committed state: run after the current unit of work commits, or now when there is none. */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable task) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> task.run());
        } else {
            task.run();
        }
    }
}
