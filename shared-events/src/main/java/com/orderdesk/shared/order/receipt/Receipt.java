package com.orderdesk.shared.order.receipt;

import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.value.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * The 54-ФЗ data of one receipt as the order decides it: whom to send it to and its positions, whose sums add up to
 * exactly the money it is for (kopecks are never lost to rounding: {@link #allocate}).
 */
public record Receipt(ReceiptCustomer customer, List<ReceiptItem> items) {
    public Receipt {
        items = List.copyOf(items);
    }

    public Money total() {
        return items.stream().map(ReceiptItem::amount).reduce(Money.ZERO, Money::plus);
    }

    /** What {@code amount} buys of an order's {@code lines}, in the given mode. Each line must carry its VAT code. */
    public static Receipt of(ReceiptCustomer customer, List<OrderLine> lines, Money amount, PaymentMode mode) {
        List<ReceiptItem> whole = new ArrayList<>();
        for (OrderLine line : lines) {
            if (line.vatCode() == null) {
                throw new IllegalStateException("Order line «" + line.description() + "» has no VAT code");
            }
            whole.add(new ReceiptItem(line.description(), line.quantity(), line.unitPrice(), line.vatCode(),
                    line.paymentSubject() == null ? OrderLine.SERVICE : line.paymentSubject(), mode));
        }
        return new Receipt(customer, whole).scaledTo(amount);
    }

    /** The same positions and modes for {@code amount} (a part refunded, a smaller capture). */
    public Receipt scaledTo(Money amount) {
        Money total = total();
        if (amount.equals(total)) {
            return this;
        }
        if (!total.isPositive() || amount.isGreaterThan(total) || !amount.isPositive()) {
            throw new IllegalArgumentException("Cannot scale a receipt of " + total + " to " + amount);
        }
        long[] shares = allocate(amount.minor(), items.stream().mapToLong(item -> item.amount().minor()).toArray());
        List<ReceiptItem> scaled = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReceiptItem item = items.get(i);
            if (shares[i] == 0) {
                continue;
            }
            // the quantity stays when the share divides evenly; otherwise the share is one position of its own sum
            boolean even = shares[i] % item.quantity() == 0;
            scaled.add(new ReceiptItem(item.description(), even ? item.quantity() : 1,
                    Money.ofMinor(even ? shares[i] / item.quantity() : shares[i]), item.vatCode(), item.paymentSubject(),
                    item.paymentMode()));
        }
        return new Receipt(customer, scaled);
    }

    /** The same positions with every item in {@code mode}. */
    public Receipt withMode(PaymentMode mode) {
        return new Receipt(customer, items.stream().map(item -> new ReceiptItem(item.description(), item.quantity(),
                item.unitPrice(), item.vatCode(), item.paymentSubject(), mode)).toList());
    }

    /** The payment mode of the receipt (its first item's: an order's receipt has one mode). */
    public PaymentMode mode() {
        return items.isEmpty() ? null : items.get(0).paymentMode();
    }

    /**
     * Splits {@code amount} in proportion to {@code weights} by the largest remainder: the shares add up to exactly
     * {@code amount}.
     */
    static long[] allocate(long amount, long[] weights) {
        long sum = 0;
        for (long weight : weights) {
            sum += weight;
        }
        long[] shares = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            java.math.BigInteger product = java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(weights[i]));
            java.math.BigInteger[] division = product.divideAndRemainder(java.math.BigInteger.valueOf(sum));
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1].longValueExact();
            given += shares[i];
        }
        for (long left = amount - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
        return shares;
    }
}
