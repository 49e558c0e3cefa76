package com.orderdesk.payment.receipt;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import io.micrometer.core.instrument.Metrics;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A 54-ФЗ receipt handed to the gateway, as the sagas know it: what it is of, the gateway's id once known, and how many
 * times the gateway has been asked about it. Stored in the receipt saga (its JSON shape is the one the payment saga
 * stored before issue 29).
 */
public record WatchedReceipt(ReceiptKind kind, String paymentId, String refundId, String receiptId, Money amount, Receipt receipt,
                             List<Settlement> settlements, int looks) {
    public static final String RECEIPTS_FAILED_METRIC = "orderdesk.receipts.failed";
    private static final Logger log = LoggerFactory.getLogger(WatchedReceipt.class);

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

    /**
     * Records on the order where this receipt stands, as the sagas' process ({@code found}: the gateway's answer, if
     * any); a failure is counted ({@value #RECEIPTS_FAILED_METRIC}) and logged for the operator. A pending receipt is
     * watched by {@link ReceiptSaga} from its record on.
     */
    public void record(CommandGateway commands, String orderId, String key, ReceiptStatus status, String reason,
                       PaymentGateway.GatewayReceipt found) {
        if (status.isFailure()) {
            Metrics.counter(RECEIPTS_FAILED_METRIC).increment();
            log.error("Receipt {} of order {} {}: {}", key, orderId, status, reason);
        }
        RecordReceipt command = new RecordReceipt(orderId, key, kind, status, found != null ? found.id() : receiptId, paymentId, refundId,
                amount, receipt, settlements, reason, found == null ? null : found.fiscalDocumentNumber(),
                found == null ? null : found.fiscalStorageNumber(), found == null ? null : found.fiscalAttribute());
        commands.sendAndWait(Attribution.sentBy(Actor.system(Channel.SAGA), "Платёжный процесс: "
                + kind.label().toLowerCase(java.util.Locale.ROOT) + " — " + status.label() + " (по ответу ЮKassa)", command));
    }

    /** Whether {@code found}, of the gateway's receipts of this one's payment or refund, is this receipt. */
    boolean matches(PaymentGateway.GatewayReceipt found) {
        if (receiptId != null) {
            return receiptId.equals(found.id());
        }
        return switch (kind) {
            case PAYMENT -> "payment".equals(found.type()) && !found.settlesPrepayment();
            case REFUND -> "refund".equals(found.type()) && refundId.equals(found.refundId());
            case SETTLEMENT -> "payment".equals(found.type()) && found.settlesPrepayment();
        };
    }

    /** A gateway's refusal as staff read it: its message, at most 300 characters. */
    public static String reason(RuntimeException refused) {
        String message = refused.getMessage() == null ? refused.toString() : refused.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
