package com.orderdesk.shared.order.receipt;

import com.orderdesk.shared.value.Money;

/** One part of a settlement receipt's sum and how it was paid. */
public record Settlement(SettlementType type, Money amount) {
}
