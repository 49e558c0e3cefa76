package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.access.ServiceAccess;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.order.command.AssignExecutor;
import com.orderdesk.shared.order.command.UnassignExecutor;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.ExecutorUnassigned;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Who of the service's responsible staff carries the order out (SPEC.md §4.2). */
class OrderExecutor {
    private final Order order;
    private String executorId;
    private String executorName;

    OrderExecutor(Order order) {
        this.order = order;
    }

    @CommandHandler
    long handle(AssignExecutor command, Actor by, Catalog catalog, Clock clock) {
        order.requireAccess(by, catalog);
        order.requireVersion(command.expectedVersion());
        order.requireNotFinal("Нельзя сменить исполнителя");
        String id = Check.line(command.executorId(), "executorId", "исполнитель", 200);
        // the executor is one of the service's responsible staff, named as the catalog names them
        String name = catalog.staffOf(order.serviceId()).stream().filter(person -> person.id().equals(id)).findFirst()
                .map(ServiceAccess.StaffMember::name)
                .orElseThrow(() -> new InvalidValueException("executorId", "Исполнитель — один из сотрудников, ответственных за услугу «"
                        + catalog.service(order.serviceId()).map(Catalog.Service::name).orElse(order.serviceId()) + "»; «" + id + "» среди них нет."));
        if (!id.equals(executorId) || !name.equals(executorName)) {
            apply(new ExecutorAssigned(order.orderId(), id, name, executorId, executorName, by, clock.instant()));
        }
        return Order.version();
    }

    @CommandHandler
    long handle(UnassignExecutor command, Actor by, Catalog catalog, Clock clock) {
        order.requireAccess(by, catalog);
        order.requireVersion(command.expectedVersion());
        order.requireNotFinal("Нельзя сменить исполнителя");
        if (executorId != null) {
            apply(new ExecutorUnassigned(order.orderId(), executorId, executorName, by, clock.instant()));
        }
        return Order.version();
    }

    @EventSourcingHandler
    void on(ExecutorAssigned event) {
        executorId = event.executorId();
        executorName = event.executorName();
    }

    @EventSourcingHandler
    void on(ExecutorUnassigned event) {
        executorId = null;
        executorName = null;
    }
}
