package com.orderdesk.shared.order.event;

import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Money;

import java.time.Instant;
import java.util.List;

/**
 * Where a fiscal receipt of the order stands, as the gateway answered (its own answer, never a notification's body):
 * handed over, registered (with the fiscal document's number, storage and sign), canceled, or refused with the
 * gateway's reason. One receipt ({@code receiptKey}: {@code payment:<id>}, {@code refund:<id>}, {@code settlement})
 * is recorded again only when its state changes. {@code receipt} and {@code settlements} say what it holds.
 */
public record ReceiptRecorded(String orderId, String receiptKey, ReceiptKind kind, ReceiptStatus status, String receiptId,
                              String paymentId, String refundId, Money amount, Receipt receipt, List<Settlement> settlements,
                              String reason, String fiscalDocumentNumber, String fiscalStorageNumber, String fiscalAttribute,
                              Instant at) implements OrderEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
