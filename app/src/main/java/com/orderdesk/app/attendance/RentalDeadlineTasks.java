package com.orderdesk.app.attendance;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.orderdesk.command.order.RentalDeadlines;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.RentalDeadline;
import com.orderdesk.shared.order.command.PassRentalDeadline;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.Serializable;
import java.time.Instant;

/**
 * The rental's deadlines (issue 30, docs/adr/022) as db-scheduler tasks: written by the command that sets them, in its
 * transaction (db-scheduler's starter makes its data source transaction-aware), so a deadline exists exactly when the
 * order's event was stored; run once across nodes, and again by another node when the one running it dies. When due, a
 * deadline sends {@link PassRentalDeadline} as the system («срок»): the order decides whether there is anything to do.
 * A command that fails (the store unreachable, a conflict that outlived its retries) fails the task, and db-scheduler
 * runs it again later.
 */
@Configuration(proxyBeanMethods = false)
public class RentalDeadlineTasks {
    private static final Logger log = LoggerFactory.getLogger(RentalDeadlineTasks.class);
    static final TaskDescriptor<Due> RENTAL_DEADLINE = TaskDescriptor.of("rental-deadline", Due.class);

    /** A deadline's data: which order, which deadline, the period it was set for (ISO instants). */
    public record Due(String orderId, String deadline, String start, String end) implements Serializable {
        PassRentalDeadline command() {
            return new PassRentalDeadline(orderId, RentalDeadline.valueOf(deadline), new RentalPeriod(Instant.parse(start), Instant.parse(end)));
        }
    }

    @Bean
    OneTimeTask<Due> rentalDeadlineTask(ObjectProvider<CommandGateway> commands) {
        return Tasks.oneTime(RENTAL_DEADLINE).execute((instance, context) -> {
            Due due = instance.getData();
            log.info("Rental deadline {} of order {} is due", due.deadline(), due.orderId());
            commands.getObject().sendAndWait(Attribution.sentBy(Actor.system(Channel.DEADLINE),
                    "rental deadline " + due.deadline() + " for " + due.start() + "–" + due.end(), due.command()));
        });
    }

    @Bean
    RentalDeadlines rentalDeadlines(ObjectProvider<SchedulerClient> scheduler) {
        return (orderId, deadline, period, at) -> scheduler.getObject().scheduleIfNotExists(
                RENTAL_DEADLINE.instance(instanceId(orderId, deadline, period))
                        .data(new Due(orderId, deadline.name(), period.start().toString(), period.end().toString()))
                        .scheduledTo(at));
    }

    /** One deadline per order, kind and period: setting it again keeps the one there is. */
    static String instanceId(String orderId, RentalDeadline deadline, RentalPeriod period) {
        return orderId + "/" + deadline.name() + "/" + period.start().getEpochSecond() + "-" + period.end().getEpochSecond();
    }
}
