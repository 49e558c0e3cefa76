package com.orderdesk.shared.order;

public enum PaymentSource {
    GATEWAY, MANAGER
}
