package com.orderdesk.payment.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.orderdesk.payment.gateway.GatewayFacts;
import com.orderdesk.payment.gateway.GatewayRetry;
import com.orderdesk.payment.gateway.GatewayProperties;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.value.Money;
import com.orderdesk.payment.receipt.ReceiptProperties;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.axonframework.config.ProcessingGroup;
import com.orderdesk.payment.receipt.ReceiptSaga;
import com.orderdesk.payment.receipt.WatchedReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order's online payments, from the request to the money taken or let go (SPEC.md §5, ADR 007). Asks the gateway for a
 * two-stage payment (idempotence key = request id, so retries never create two); when the guest has authorized it,
 * captures what the order decided (what is still owed) or releases it; at the deadline asks the gateway before it
 * cancels an order still awaiting payment. Every outcome the gateway answers is recorded on the order at once
 * (notifications only make it sooner); a refusal is recorded as well, never swallowed. Deadlines are persistent. What
 * the order owes back goes back through {@code RefundSaga}; the 54-ФЗ receipt a payment carries is recorded on the order
 * as handed over, and {@link ReceiptSaga} watches it from there.
 */
@Saga
@ProcessingGroup(ReceiptSaga.PROCESSOR)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentSaga {
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String GATEWAY_RETRY = "gateway-retry";
    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);

    private String orderId;
    /** Requests the gateway has not created a payment for yet: request id → what to ask. */
    private final Map<String, Request> toCreate = new LinkedHashMap<>();
    /** Created and not authorized, paid or canceled yet: gateway payment id → request id. */
    private final Map<String, String> open = new LinkedHashMap<>();
    /** Authorized payments to capture (amount) or release (zero), as the order decided: gateway payment id → amount. */
    private final Map<String, Money> toSettle = new LinkedHashMap<>();
    private boolean awaitingPayment;
    private boolean deadlinePassed;
    /** The request whose payment the order awaits: what the deadline names. */
    private String awaitedRequestId;
    private String deadlineId;
    private String retryId;
    private int retryAttempt;
    // --- 54-ФЗ receipts (ADR 014) ---
    /** The receipt each authorized payment is captured with: gateway payment id → receipt. */
    private final Map<String, Receipt> captureReceipts = new LinkedHashMap<>();
    /** Captured for less than authorized: the capture carries the receipt of what is taken (YooKassa requires it). */
    private final java.util.Set<String> partialCaptures = new java.util.LinkedHashSet<>();
    @Autowired
    private transient ReceiptProperties receiptSettings;
    @Autowired
    private transient PaymentGateway gateway;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient GatewayProperties settings;
    @Autowired
    private transient KnownPayments knownPayments;

    public record Request(String requestId, Money amount, String description, Receipt receipt) {
    }

    public record PaymentDeadline(String orderId, String requestId) {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OnlinePaymentRequested event) {
        orderId = event.orderId();
        toCreate.put(event.requestId(), new Request(event.requestId(), event.amount(), event.description(),
                receiptsOn() ? event.receipt() : null));
        if (event.orderAwaitsIt()) {
            awaitingPayment = true;
            awaitedRequestId = awaitedRequestId == null ? event.requestId() : awaitedRequestId;
            if (deadlineId == null && !deadlinePassed) {
                deadlineId = deadlines.schedule(settings.paymentTimeout(), PAYMENT_DEADLINE,
                        new PaymentDeadline(event.orderId(), event.requestId()));
            }
        }
        talkToGateway();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentCreated event) {
        toCreate.remove(event.requestId());
        open.put(event.gatewayPaymentId(), event.requestId());
    }

    /** The guest authorized a payment and the order decided how much of it to take: take it, or release it. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentAuthorized event) {
        orderId = event.orderId();
        open.remove(event.paymentId());
        toSettle.put(event.paymentId(), event.toCapture());
        if (receiptsOn() && event.receipt() != null && event.toCapture().isPositive()) {
            captureReceipts.put(event.paymentId(), event.receipt());
            if (!event.toCapture().equals(event.authorized())) {
                partialCaptures.add(event.paymentId());
            }
        }
        talkToGateway();
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderConfirmed event) {
        awaitingPayment = false;
        cancelDeadline();
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentRecorded event) {
        open.remove(event.paymentId());
        toSettle.remove(event.paymentId());
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentCanceled event) {
        open.remove(event.gatewayPaymentId());
        toSettle.remove(event.gatewayPaymentId());
        if (awaitingPayment && deadlinePassed && deadlineId == null) {
            expire("платёж " + event.gatewayPaymentId() + " отменён после истечения срока оплаты");
        }
        endIfSettled();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCancelled event) {
        orderId = event.orderId();
        awaitingPayment = false;
        cancelDeadline();
        toCreate.clear();
        open.clear();
        // nothing more is to be taken: what is authorized and not captured yet is released instead
        toSettle.replaceAll((paymentId, amount) -> Money.ZERO);
        talkToGateway();
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCompleted event) {
        awaitingPayment = false;
        cancelDeadline();
        toCreate.clear();
        endIfSettled();
    }

    private boolean receiptsOn() {
        return receiptSettings != null && receiptSettings.enabled();
    }

    /**
     * The payment deadline passed. First the gateway is asked about every payment still open — one the guest
     * completed whose notification is late or lost is recorded, not cancelled — then the order is expired if it still
     * awaits payment (the order keeps it while a capture is under way).
     */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    public void paymentDeadlinePassed(PaymentDeadline deadline) {
        deadlineId = null;
        deadlinePassed = true;
        log.info("Payment deadline of order {} passed; asking the gateway about {} open payment(s)", deadline.orderId(), open.size());
        for (String paymentId : List.copyOf(open.keySet())) {
            try {
                PaymentGateway.GatewayPayment payment = gateway.getPayment(paymentId);
                GatewayFacts.commandFor(deadline.orderId(), payment).ifPresent(command -> send(command, Channel.DEADLINE,
                        "Срок онлайн-оплаты истёк; шлюз на запрос подтвердил статус " + payment.status() + " платежа " + paymentId));
            } catch (RuntimeException unavailable) {
                // two-stage payments make this safe: a payment the guest completes later is released, not taken
                log.warn("Could not ask the gateway about payment {} at the deadline of order {}: {}", paymentId,
                        deadline.orderId(), unavailable.getMessage());
            }
        }
        expire("по запросу " + deadline.requestId());
    }

    private void expire(String why) {
        send(new ExpireOnlinePayment(orderId, awaitedRequestId), Channel.DEADLINE, "Истёк срок онлайн-оплаты ("
                + settings.paymentTimeoutInWords() + ") " + why);
    }

    @DeadlineHandler(deadlineName = GATEWAY_RETRY)
    public void retryGateway() {
        retryId = null;
        talkToGateway();
        endIfSettled();
    }

    /** Creates, captures or releases what is due; on a gateway outage, tries again later. */
    private void talkToGateway() {
        try {
            for (Request request : List.copyOf(toCreate.values())) {
                create(request);
            }
            for (Map.Entry<String, Money> settle : List.copyOf(toSettle.entrySet())) {
                settle(settle.getKey(), settle.getValue());
            }
            retryAttempt = 0;
        } catch (PaymentGateway.GatewayUnavailableException unavailable) {
            scheduleRetry(unavailable);
        }
    }

    private void create(Request request) {
        try {
            PaymentGateway.GatewayPayment payment = gateway.createPayment(PaymentGateway.paymentKey(orderId, request.requestId()), request.amount(),
                    request.description(), settings.returnUrlOf(orderId), Map.of("orderId", orderId, "requestId", request.requestId()),
                    request.receipt());
            SagaLifecycle.associateWith("gatewayPaymentId", payment.id());
            knownPayments.remember(payment.id(), orderId);
            send(new RecordGatewayPaymentCreated(orderId, request.requestId(), payment.id(), payment.confirmationUrl()),
                    Channel.SAGA, "Платёжный процесс создал платёж " + payment.id() + " в шлюзе по запросу " + request.requestId());
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            // a refusal is a configuration or gateway problem an operator must see; the request stays and is retried
            log.error("Gateway refused the payment request {} of order {}: {}", request.requestId(), orderId, rejected.getMessage());
            if (request.receipt() != null) {
                // the receipt data may be what it refused: staff see it on the order, the request is still retried
                WatchedReceipt.of(ReceiptKind.PAYMENT, null, null, request.amount(), request.receipt())
                        .record(commands, orderId, "request:" + request.requestId(), ReceiptStatus.FAILED, WatchedReceipt.reason(rejected), null);
            }
            throw new PaymentGateway.GatewayUnavailableException("refused: " + rejected.getMessage(), rejected);
        }
    }

    /** Captures (amount) or releases (zero) an authorized payment, then records what the gateway answers. */
    private void settle(String paymentId, Money amount) {
        PaymentGateway.GatewayPayment settled = GatewayFacts.settle(gateway, paymentId, amount,
                partialCaptures.contains(paymentId) ? captureReceipts.get(paymentId) : null);
        toSettle.remove(paymentId);
        GatewayFacts.commandFor(orderId, settled).ifPresent(command -> send(command, Channel.SAGA,
                "Платёжный процесс " + (amount.isPositive() ? "списал " + amount.toRussianTextWithKopecks() : "отменил")
                        + " по платежу " + paymentId + "; шлюз подтвердил статус " + settled.status()));
        Receipt receipt = captureReceipts.remove(paymentId);
        partialCaptures.remove(paymentId);
        if (receipt != null && settled.succeeded()) {
            // the gateway registers the payment's receipt now that the money is taken
            Receipt taken = settled.amount().equals(receipt.total()) ? receipt : null;
            if (taken != null) {
                WatchedReceipt.of(ReceiptKind.PAYMENT, paymentId, null, settled.amount(), taken)
                        .record(commands, orderId, "payment:" + paymentId, ReceiptStatus.PENDING, null, null);
            } else {
                log.error("Payment {} of order {} was taken for {}, its receipt is for {}", paymentId, orderId, settled.amount(),
                        receipt.total());
            }
        }
    }

    private void send(Object command, Channel channel, String cause) {
        commands.sendAndWait(Attribution.sentBy(Actor.system(channel), cause, command));
    }

    private void scheduleRetry(RuntimeException cause) {
        retryId = GatewayRetry.schedule(deadlines, GATEWAY_RETRY, retryId, ++retryAttempt, "order " + orderId, cause);
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlines.cancelSchedule(PAYMENT_DEADLINE, deadlineId);
            deadlineId = null;
        }
    }

    private void endIfSettled() {
        if (deadlineId == null && retryId == null && toCreate.isEmpty() && open.isEmpty() && toSettle.isEmpty()) {
            SagaLifecycle.end();
        }
    }
}
