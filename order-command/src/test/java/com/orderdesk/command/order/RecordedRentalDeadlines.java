package com.orderdesk.command.order;

import com.orderdesk.shared.order.RentalDeadline;
import com.orderdesk.shared.value.RentalPeriod;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The deadlines an order set in a test, in the order it set them. */
final class RecordedRentalDeadlines implements RentalDeadlines {
    record Scheduled(String orderId, RentalDeadline deadline, RentalPeriod period, Instant at) {
    }

    private final List<Scheduled> scheduled = new CopyOnWriteArrayList<>();

    @Override
    public void schedule(String orderId, RentalDeadline deadline, RentalPeriod period, Instant at) {
        scheduled.add(new Scheduled(orderId, deadline, period, at));
    }

    List<Scheduled> scheduled() {
        return List.copyOf(scheduled);
    }
}
