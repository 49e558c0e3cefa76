package com.orderdesk.command.order;

import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Money;

import java.util.Collection;

/** The order's money rules that need no state (SPEC.md §3–4): how much may count, and the payment status sums give. */
final class MoneyRules {
    private MoneyRules() {
    }

    /** The payment status of a live order with these sums. */
    static PaymentStatus liveStatus(Money paidAfter, Money remainderAfter, Money refundDueAfter) {
        return refundDueAfter.isPositive() ? PaymentStatus.REFUND_PENDING : liveStatus(paidAfter, remainderAfter);
    }

    static PaymentStatus liveStatus(Money paidAfter, Money remainderAfter) {
        if (remainderAfter.isZero()) {
            return PaymentStatus.PAID;
        }
        return paidAfter.isZero() ? PaymentStatus.UNPAID : PaymentStatus.PARTIALLY_PAID;
    }

    /** A cancelled order's payment status: owed back, all of it returned, part of it returned and part kept, or kept. */
    static PaymentStatus cancelledStatus(Money refundDueAfter, boolean refundedAny, Money kept) {
        if (refundDueAfter.isPositive()) {
            return PaymentStatus.REFUND_PENDING;
        }
        if (refundedAny) {
            return kept.isPositive() ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.REFUNDED;
        }
        return kept.isPositive() ? PaymentStatus.PARTIALLY_PAID : PaymentStatus.UNPAID;
    }

    /**
     * How much of {@code offered} an order may count when {@code open} is still to pay: all of it up to the
     * remainder, but never so much that between 0 and the minimum would be left — then as much as leaves the minimum.
     */
    static Money acceptable(Money open, Money offered, Money minimum) {
        if (!offered.isLessThan(open)) {
            return open;
        }
        if (!open.minusOrZero(offered).isLessThan(minimum)) {
            return offered;
        }
        return open.minusOrZero(minimum);
    }

    static Money max(Money a, Money b) {
        return a.isLessThan(b) ? b : a;
    }

    static Money min(Money a, Money b) {
        return a.isGreaterThan(b) ? b : a;
    }

    static Money sum(Collection<Money> amounts) {
        return amounts.stream().reduce(Money.ZERO, Money::plus);
    }
}
