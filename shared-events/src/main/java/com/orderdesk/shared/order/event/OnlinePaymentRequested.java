package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;

import com.orderdesk.shared.order.receipt.Receipt;

import java.time.Instant;

/**
 * An online payment of {@code amount} is wanted: the prepayment of an order placed online, or what is left to
 * pay when the guest presses «Оплатить». {@code orderAwaitsIt}: the order waits for this money and is cancelled
 * if it does not come in time. Starts (or feeds) the order's payment saga.
 * {@code receipt}: the 54-ФЗ receipt data of exactly this amount, sent with the payment when receipts are on;
 * {@code rentalStart} (with a receipt): when the service begins (a prepayment is settled by a receipt then, or at completion).
 */
public record OnlinePaymentRequested(String orderId, String number, String requestId, Money amount, String description,
                                     boolean orderAwaitsIt, Actor by, Instant at, Receipt receipt,
                                     Instant rentalStart) implements OrderEvent {

    /** Without receipt data: orders whose lines carry no VAT code (placed before receipts), and events stored before. */
    public OnlinePaymentRequested(String orderId, String number, String requestId, Money amount, String description,
                                  boolean orderAwaitsIt, Actor by, Instant at) {
        this(orderId, number, requestId, amount, description, orderAwaitsIt, by, at, null, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
