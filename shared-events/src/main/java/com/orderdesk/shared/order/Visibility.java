package com.orderdesk.shared.order;

/** PUBLIC reaches the guest; INTERNAL is for staff only and must never reach a guest. */
public enum Visibility {
    PUBLIC, INTERNAL
}
