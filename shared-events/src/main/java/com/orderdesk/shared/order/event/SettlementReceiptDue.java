package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.Settlement;

import java.time.Instant;
import java.util.List;

/**
 * The service paid for in advance online is rendered (the order completed, or its rental began): the settlement
 * receipt («чек зачёта предоплаты») is due — positions at full payment, settled by the online prepayment (and by what
 * was paid at the desk when the operator routes desk payments through the same register). Decided once per order;
 * {@code receiptKey} is its idempotence key with the gateway, {@code paymentId} the prepayment it refers to.
 */
public record SettlementReceiptDue(String orderId, String receiptKey, String paymentId, Receipt receipt,
                                   List<Settlement> settlements, Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
