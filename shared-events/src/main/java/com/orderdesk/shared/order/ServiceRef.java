package com.orderdesk.shared.order;

/** The bookable service as it was when the order was placed. */
public record ServiceRef(String id, String name, String timeZone) {
}
