package com.orderdesk.shared.order;

/**
 * What the service does on its own once an order's rental reaches a point (issue 30, the catalog's
 * {@code no-show-after} and {@code complete-after}).
 */
public enum RentalDeadline {
    /** the rental started this long ago and nobody checked in: the guest did not come */
    NO_SHOW,
    /** the rental ended this long ago: a paid order is carried out */
    COMPLETION
}
