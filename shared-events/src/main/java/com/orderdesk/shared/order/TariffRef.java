package com.orderdesk.shared.order;

import com.orderdesk.shared.value.Money;

/** The tariff as it was priced when the order was placed. */
public record TariffRef(String id, String name, Money unitPrice, String unit) {
}
