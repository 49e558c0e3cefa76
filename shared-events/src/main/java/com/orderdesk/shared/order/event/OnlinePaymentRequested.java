package com.orderdesk.shared.order.event;

import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;

import java.time.Instant;

/**
 * An online payment of {@code amount} is wanted: the prepayment of an order placed online, or what is left to
 * pay when the guest presses «Оплатить». {@code orderAwaitsIt}: the order waits for this money and is cancelled
 * if it does not come in time. Starts (or feeds) the order's payment saga.
 */
public record OnlinePaymentRequested(String orderId, String number, String requestId, Money amount, String description,
                                     boolean orderAwaitsIt, Actor by, Instant at) implements OrderEvent {
}
