package com.orderdesk.shared.order.event;

import java.time.Instant;

/**
 * A guest gave the visitor an e-mail that is not their profile's: nothing about the order is mailed there (nor the
 * receipt) until someone at that address confirms it with the link of the one mail that asks; until then the receipt
 * goes to the phone.
 */
public record VisitorEmailUnconfirmed(String orderId, String email, Instant at) implements OrderEvent {
}
