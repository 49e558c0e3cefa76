package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.CheckInMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Staff of the order's service mark that its guest arrived (issue 30). */
public record CheckInGuest(
        @TargetAggregateIdentifier String orderId,
        CheckInMethod method,
        Long expectedVersion) {

    /**
     * What checking in answers: the order's version, when the guest checked in, and whether that was earlier ({@code
     * already}: a second check-in changes nothing and says when the first was).
     */
    public record CheckedIn(long version, Instant at, boolean already) {
    }
}
