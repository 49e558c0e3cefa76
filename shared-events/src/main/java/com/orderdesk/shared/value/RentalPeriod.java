package com.orderdesk.shared.value;

import com.orderdesk.shared.error.InvalidValueException;

import java.time.Duration;
import java.time.Instant;

/** When the place is rented: a non-empty, forward interval of at most a year. */
public record RentalPeriod(Instant start, Instant end) {
    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    public RentalPeriod {
        Check.present(start, "rentalPeriod.start", "начало периода аренды");
        Check.present(end, "rentalPeriod.end", "конец периода аренды");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("rentalPeriod",
                    "Период аренды пуст или перевёрнут: конец должен быть позже начала.");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidValueException("rentalPeriod", "Период аренды не может быть длиннее года.");
        }
    }

    /** Billable hours: every hour started counts. */
    public long startedHours() {
        long minutes = Duration.between(start, end).toMinutes();
        return Math.max(1, (minutes + 59) / 60);
    }
}
