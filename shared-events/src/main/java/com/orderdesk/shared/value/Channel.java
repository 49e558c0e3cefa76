package com.orderdesk.shared.value;

/** Through what an action reached the order. */
public enum Channel {
    DESK, GUEST_APP, GATEWAY, SAGA, DEADLINE, REPLAY, SYSTEM
}
