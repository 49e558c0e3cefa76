package com.orderdesk.shared.order.receipt;

import com.orderdesk.shared.value.Money;

/**
 * One position of a receipt: {@code quantity} × {@code unitPrice} (YooKassa's {@code amount} is the unit price), the
 * VAT code (YooKassa {@code vat_code}, 1–12), «предмет расчёта» ({@code payment_subject}) and «способ расчёта».
 */
public record ReceiptItem(String description, long quantity, Money unitPrice, int vatCode, String paymentSubject,
                          PaymentMode paymentMode) {
    public Money amount() {
        return unitPrice.times(quantity);
    }
}
