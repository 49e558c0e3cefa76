package com.orderdesk.query.list;

import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A line of the order list (API.md "Summary"); the creation time and the rental period in the service's zone. The
 * rental period is null only for an order whose row was written before it was kept and whose event could not be read
 * back at the upgrade (V8): never in practice.
 */
public record OrderSummary(String orderId, String number, OffsetDateTime createdAt, String serviceId, String serviceName,
                           OrderStatus status, String statusLabel, PaymentStatus paymentStatus, String paymentStatusLabel,
                           String visitorName, String ticketNumber, String executorId, String executorName, Money total,
                           Money remainder, LocalDate dueDate, Period rentalPeriod, long version) {

    public record Period(OffsetDateTime start, OffsetDateTime end) {
    }
}
