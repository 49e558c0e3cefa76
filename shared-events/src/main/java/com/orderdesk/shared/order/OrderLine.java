package com.orderdesk.shared.order;

import com.orderdesk.shared.value.Money;

/** «Коворкинг на 2 этаже, тариф «Стандарт»  4 x 100 ₽  400 ₽». */
public record OrderLine(String description, long quantity, Money unitPrice, Money amount) {
}
