package com.orderdesk.shared.order.command;

import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves the order to {@code rentalPeriod} (issue 27): staff, or the guest within the service's cancellation cut-off.
 * The new hours are taken and the old ones freed together, and the order is priced again by the catalog.
 */
public record RescheduleOrder(
        @TargetAggregateIdentifier String orderId,
        RentalPeriod rentalPeriod,
        String reason,
        Long expectedVersion) {
}
