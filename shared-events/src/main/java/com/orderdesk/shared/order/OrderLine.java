package com.orderdesk.shared.order;

import com.orderdesk.shared.value.Money;

/**
 * «Коворкинг на 2 этаже, тариф «Стандарт»  4 x 100 ₽  400 ₽», with what a fiscal receipt needs of it: the tariff's
 * VAT code (YooKassa {@code vat_code}) and «предмет расчёта» as the catalog said when the order was placed (lines of
 * orders placed before receipts carry neither: null).
 */
public record OrderLine(String description, long quantity, Money unitPrice, Money amount, Integer vatCode,
                        String paymentSubject) {
    public static final String SERVICE = "service";

    public OrderLine(String description, long quantity, Money unitPrice, Money amount) {
        this(description, quantity, unitPrice, amount, null, null);
    }

    public OrderLine withVat(Integer vatCode, String paymentSubject) {
        return new OrderLine(description, quantity, unitPrice, amount, vatCode, paymentSubject);
    }
}
