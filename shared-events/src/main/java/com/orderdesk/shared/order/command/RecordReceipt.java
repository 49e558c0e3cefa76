package com.orderdesk.shared.order.command;

import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** What the gateway answered about one of the order's fiscal receipts (the payment saga reports it). */
public record RecordReceipt(@TargetAggregateIdentifier String orderId, String receiptKey, ReceiptKind kind, ReceiptStatus status,
                            String receiptId, String paymentId, String refundId, Money amount, Receipt receipt,
                            List<Settlement> settlements, String reason, String fiscalDocumentNumber,
                            String fiscalStorageNumber, String fiscalAttribute) {
}
