package com.orderdesk.payment.refund;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.orderdesk.payment.gateway.GatewayFacts;
import com.orderdesk.payment.gateway.GatewayRetry;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.payment.receipt.ReceiptProperties;
import com.orderdesk.payment.receipt.ReceiptSaga;
import com.orderdesk.payment.receipt.WatchedReceipt;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.command.RecordGatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import io.micrometer.core.instrument.Metrics;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order's refunds through the gateway (SPEC.md §5, ADR 007, issue 29): what the order owes back of gateway money —
 * on cancellation, a move to a cheaper period, an overpayment, or a refused refund asked again for less — is asked of
 * the gateway, each refund request under its own idempotence key, and the gateway's answer recorded on the order at
 * once: a refund made, or refused (then the order leaves it to the desk, and says why). A refund's 54-ФЗ receipt is
 * recorded as handed over; {@link ReceiptSaga} watches it from there. A gateway outage is retried later, on a
 * persistent deadline.
 */
@Saga
@ProcessingGroup(ReceiptSaga.PROCESSOR)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RefundSaga {
    public static final String REFUNDS_FAILED_METRIC = "orderdesk.gateway.refunds.failed";
    static final String REFUND_RETRY = "refund-gateway-retry";
    private static final Logger log = LoggerFactory.getLogger(RefundSaga.class);

    private String orderId;
    /** Refunds to ask the gateway for, by their idempotence key. */
    private final Map<String, Refund> toRefund = new LinkedHashMap<>();
    private String retryId;
    private int retryAttempt;

    @Autowired
    private transient PaymentGateway gateway;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient ReceiptProperties receiptSettings;

    /** A refund to ask for: of which gateway payment, how much, with which receipt (null without receipts). */
    public record Refund(String paymentId, Money amount, Receipt receipt) {
    }

    /** The gateway took more than the order could count (an overpayment, a payment after cancellation): it goes back. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentRecorded event, @MessageIdentifier String eventId) {
        if (event.owedBack().isPositive()) {
            owe(event.orderId(), eventId, event.paymentId(), event.owedBack(), event.owedBackReceipt());
        }
        refundAndEndIfDone();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCancelled event, @MessageIdentifier String eventId) {
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            owe(event.orderId(), eventId, due.paymentId(), due.amount(), due.receipt());
        }
        refundAndEndIfDone();
    }

    /** A move to a cheaper period owes back what was paid beyond the new total: gateway money goes back through it. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderRescheduled event, @MessageIdentifier String eventId) {
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            owe(event.orderId(), eventId, due.paymentId(), due.amount(), due.receipt());
        }
        refundAndEndIfDone();
    }

    /** A refused refund: what is still owed and refundable is asked for again, under a key of its own. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayRefundFailed event, @MessageIdentifier String eventId) {
        if (event.retried() != null && event.retried().isPositive()) {
            owe(event.orderId(), eventId, event.paymentId(), event.retried(), event.retriedReceipt());
        }
        refundAndEndIfDone();
    }

    @DeadlineHandler(deadlineName = REFUND_RETRY)
    public void retryGateway() {
        retryId = null;
        refundAndEndIfDone();
    }

    private void owe(String order, String eventId, String paymentId, Money amount, Receipt receipt) {
        orderId = order;
        toRefund.put(refundKey(eventId, paymentId), new Refund(paymentId, amount,
                receiptSettings != null && receiptSettings.enabled() ? receipt : null));
    }

    /** Asks for every refund due; on a gateway outage, tries again later. Ends when nothing is left to ask. */
    private void refundAndEndIfDone() {
        try {
            for (Map.Entry<String, Refund> refund : List.copyOf(toRefund.entrySet())) {
                refund(refund.getKey(), refund.getValue());
            }
            retryAttempt = 0;
        } catch (PaymentGateway.GatewayUnavailableException unavailable) {
            retryId = GatewayRetry.schedule(deadlines, REFUND_RETRY, retryId, ++retryAttempt, "the refunds of order " + orderId, unavailable);
        }
        if (toRefund.isEmpty() && retryId == null) {
            SagaLifecycle.end();
        }
    }

    private void refund(String key, Refund refund) {
        try {
            PaymentGateway.GatewayRefund made = gateway.createRefund(key, refund.paymentId(), refund.amount(), refund.receipt());
            toRefund.remove(key);
            if (made.succeeded()) {
                send(GatewayFacts.commandFor(orderId, made),
                        "Платёжный процесс вернул " + made.amount().toRussianTextWithKopecks() + " по платежу " + made.paymentId());
            }
            if (refund.receipt() != null) {
                WatchedReceipt.of(ReceiptKind.REFUND, made.paymentId(), made.id(), made.amount(), refund.receipt())
                        .record(commands, orderId, "refund:" + made.id(), ReceiptStatus.PENDING, null, null);
            }
        } catch (PaymentGateway.GatewayRejectedException refused) {
            // the order may not know every refund of the payment (one made in the gateway's dashboard): it learns them
            // first, so that what it asks for again, or leaves to the desk, is exactly what is still owed
            for (PaymentGateway.GatewayRefund made : gateway.refundsOf(refund.paymentId())) {
                if (made.succeeded()) {
                    send(GatewayFacts.commandFor(orderId, made), "Шлюз на запрос сообщил о возврате " + made.id() + " по платежу "
                            + made.paymentId());
                }
            }
            toRefund.remove(key);
            Metrics.counter(REFUNDS_FAILED_METRIC).increment();
            log.error("Gateway refused refund {} of {} for payment {} of order {}: {}", key, refund.amount(), refund.paymentId(),
                    orderId, refused.getMessage());
            send(new RecordGatewayRefundFailed(orderId, key, refund.paymentId(), refund.amount(), WatchedReceipt.reason(refused)),
                    "Шлюз отказал в возврате по платежу " + refund.paymentId());
        }
    }

    /** Each refund request its own idempotence key (at most 64 characters, as YooKassa allows): the event that asked, and the payment. */
    static String refundKey(String eventId, String paymentId) {
        return PaymentGateway.idempotenceKey(eventId + ":" + paymentId);
    }

    private void send(Object command, String cause) {
        commands.sendAndWait(Attribution.sentBy(Actor.system(Channel.SAGA), cause, command));
    }
}
