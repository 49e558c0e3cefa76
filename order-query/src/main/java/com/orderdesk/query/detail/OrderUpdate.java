package com.orderdesk.query.detail;

/**
 * A change of one order as live updates carry it. {@code guestVisible} is false for changes a guest must not
 * notice (an internal message), so guest streams can drop them.
 */
public record OrderUpdate(OrderDetail detail, boolean guestVisible) {
}
