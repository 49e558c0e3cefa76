package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.SignedInEmail;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Place an order at the desk (manager) or online (guest). The client names the service and tariff;
 * the aggregate prices it from the catalog. {@code guestId} is the guest account that owns the order,
 * if any. {@code guestEmail}: for a guest's own booking, the e-mail their identity states — the visitor's e-mail is
 * mailed without asking only when it is that one.
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
        String guestId,
        SignedInEmail guestEmail) {

    /** Placed by staff, or by a guest whose identity states no e-mail. */
    public PlaceOrder(String orderId, String serviceId, String tariffId, RentalPeriod rentalPeriod, String ticketNumber, Person visitor,
                      Applicant applicant, PaymentPlan paymentPlan, String guestId) {
        this(orderId, serviceId, tariffId, rentalPeriod, ticketNumber, visitor, applicant, paymentPlan, guestId, null);
    }

    /** What placing answers: the number the order was given and its version after placing. */
    public record Placed(OrderNumber number, long version) {
    }
}
