package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The order moved from {@code from} to {@code to} (issue 27), priced again: {@code lines} and {@code total} are the
 * new ones. When more is to pay the remainder grows ({@code remainderAfter}); when less, what was paid beyond the new
 * total is owed back ({@code owedBack}) as a cancellation's refund is: gateway money through the gateway
 * ({@code gatewayRefunds}, for the payment saga, each with its refund receipt), the rest at the desk
 * ({@code deskRefundDueAfter}). {@code timeZone} is the service's, to say the hours in; {@code dueDate} is the new rental's first day in the service's zone.
 */
public record OrderRescheduled(
        String orderId,
        RentalPeriod from,
        RentalPeriod to,
        String timeZone,
        String reason,
        Actor by,
        Instant at,
        List<OrderLine> lines,
        Money totalBefore,
        Money total,
        Money paidAfter,
        Money remainderAfter,
        Money owedBack,
        Money refundDueAfter,
        Money deskRefundDueAfter,
        List<GatewayRefundDue> gatewayRefunds,
        PaymentStatus paymentStatusAfter,
        LocalDate dueDate) implements OrderEvent {

    public OrderRescheduled {
        lines = List.copyOf(lines);
        gatewayRefunds = List.copyOf(gatewayRefunds);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
