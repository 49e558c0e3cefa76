package com.orderdesk.payment.receipt;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Money;

import java.util.List;

/**
 * A 54-ФЗ receipt handed to the gateway, as the sagas know it: what it is of, the gateway's id once known, and how many
 * times the gateway has been asked about it. Stored in the receipt saga (its JSON shape is the one the payment saga
 * stored before issue 29).
 */
public record WatchedReceipt(ReceiptKind kind, String paymentId, String refundId, String receiptId, Money amount, Receipt receipt,
                             List<Settlement> settlements, int looks) {

    public static WatchedReceipt of(ReceiptKind kind, String paymentId, String refundId, Money amount, Receipt receipt) {
        return new WatchedReceipt(kind, paymentId, refundId, null, amount, receipt, List.of(), 0);
    }

    static WatchedReceipt of(ReceiptRecorded recorded) {
        return new WatchedReceipt(recorded.kind(), recorded.paymentId(), recorded.refundId(), recorded.receiptId(), recorded.amount(),
                recorded.receipt(), recorded.settlements() == null ? List.of() : recorded.settlements(), 0);
    }

    /** One more look at it; {@code foundId}: the gateway's id of the receipt, if the look found it. */
    public WatchedReceipt withLook(String foundId) {
        return new WatchedReceipt(kind, paymentId, refundId, foundId != null ? foundId : receiptId, amount, receipt, settlements, looks + 1);
    }

    /** The command that records on the order where this receipt stands ({@code found}: the gateway's answer, if any). */
    public RecordReceipt record(String orderId, String key, ReceiptStatus status, String reason, PaymentGateway.GatewayReceipt found) {
        return new RecordReceipt(orderId, key, kind, status, found != null ? found.id() : receiptId, paymentId, refundId, amount, receipt,
                settlements, reason, found == null ? null : found.fiscalDocumentNumber(), found == null ? null : found.fiscalStorageNumber(),
                found == null ? null : found.fiscalAttribute());
    }

    /** What the audit trail says of a record of this receipt. */
    public String cause(ReceiptStatus status) {
        return "Платёжный процесс: " + kind.label().toLowerCase(java.util.Locale.ROOT) + " — " + status.label() + " (по ответу ЮKassa)";
    }

    /** A gateway's refusal as staff read it: its message, at most 300 characters. */
    public static String reason(RuntimeException refused) {
        String message = refused.getMessage() == null ? refused.toString() : refused.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
