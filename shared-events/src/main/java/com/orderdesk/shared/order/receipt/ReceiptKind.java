package com.orderdesk.shared.order.receipt;

/** A receipt of an online payment («приход»), of a refund («возврат прихода»), or settling a prepayment («зачёт предоплаты»). */
public enum ReceiptKind {
    PAYMENT("Чек прихода"), REFUND("Чек возврата прихода"), SETTLEMENT("Чек зачёта предоплаты");

    private final String label;

    ReceiptKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
