package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.RentalDeadline;
import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A deadline the order set for the rental {@code period} came (issue 30): the service marks a no-show or completes the
 * order if the rules still say so. A deadline for a period the order no longer has (it moved) does nothing.
 */
public record PassRentalDeadline(
        @TargetAggregateIdentifier String orderId,
        RentalDeadline deadline,
        RentalPeriod period) {
}
