package com.orderdesk.command.order;

import com.orderdesk.shared.ModuleApi;
import com.orderdesk.shared.order.RentalDeadline;
import com.orderdesk.shared.value.RentalPeriod;

import java.time.Instant;

/**
 * Where an order sets the deadlines of its rental (issue 30, docs/adr/022): at {@code at}, {@link
 * com.orderdesk.shared.order.command.PassRentalDeadline} for the order's {@code period} is sent as the system. The
 * application keeps them persistent (they survive a restart and run once across nodes) and in the command's
 * transaction: a deadline exists exactly when the event that set it was stored. Setting the same deadline twice keeps
 * one.
 */
@ModuleApi
public interface RentalDeadlines {
    void schedule(String orderId, RentalDeadline deadline, RentalPeriod period, Instant at);
}
