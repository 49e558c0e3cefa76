package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.RentalPeriod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Place an order at the desk (manager) or online (guest). The client names the service and tariff;
 * the aggregate prices it from the catalog. {@code guestId} is the guest account that owns the order,
 * if any.
 */
public record PlaceOrder(
        @TargetAggregateIdentifier String orderId,
        String serviceId,
        String tariffId,
        RentalPeriod rentalPeriod,
        String ticketNumber,
        Person visitor,
        Applicant applicant,
        PaymentPlan paymentPlan,
        String guestId) {

    /** What placing answers: the number the order was given and its version after placing. */
    public record Placed(OrderNumber number, long version) {
    }
}
