package com.orderdesk.payment.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.orderdesk.payment.gateway.GatewayFacts;
import com.orderdesk.payment.gateway.GatewayProperties;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCreated;
import com.orderdesk.shared.order.command.RecordGatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
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
import org.axonframework.commandhandling.GenericCommandMessage;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import io.micrometer.core.instrument.Metrics;
import org.axonframework.messaging.annotation.MessageIdentifier;
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

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;

/**
 * One order's online money, from the request to the last refund (SPEC.md §5, ADR 007). Asks the gateway for a
 * two-stage payment (idempotence key = request id, so retries never create two); when the guest has authorized it,
 * captures what the order decided (what is still owed) or releases it; at the deadline asks the gateway before it
 * cancels an order still awaiting payment; and returns through the gateway what the order owes back — each refund
 * request under its own key. Every outcome the gateway answers is recorded on the order at once (notifications
 * only make it sooner); a refusal is recorded as well, never swallowed. Deadlines are persistent. The 54-ФЗ receipts a
 * payment or refund carries are recorded on the order as handed over; {@link ReceiptSaga} watches them from there.
 */
@Saga
@ProcessingGroup(ReceiptSaga.PROCESSOR)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentSaga {
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String GATEWAY_RETRY = "gateway-retry";
    public static final String REFUNDS_FAILED_METRIC = "orderdesk.gateway.refunds.failed";
    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

    private String orderId;
    /** Requests the gateway has not created a payment for yet: request id → what to ask. */
    private final Map<String, Request> toCreate = new LinkedHashMap<>();
    /** Created and not authorized, paid or canceled yet: gateway payment id → request id. */
    private final Map<String, String> open = new LinkedHashMap<>();
    /** Authorized payments to capture (amount) or release (zero), as the order decided: gateway payment id → amount. */
    private final Map<String, Money> toSettle = new LinkedHashMap<>();
    /** Refunds to ask the gateway for, each under its own idempotence key. */
    private final Map<String, Refund> toRefund = new LinkedHashMap<>();
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
    private transient ReceiptProperties receiptSettings;
    private transient PaymentGateway gateway;
    private transient CommandGateway commands;
    private transient DeadlineManager deadlines;
    private transient GatewayProperties settings;
    private transient KnownPayments knownPayments;

    public record Request(String requestId, Money amount, String description, Receipt receipt) {
    }

    public record Refund(String paymentId, Money amount, Receipt receipt) {
    }

    public record PaymentDeadline(String orderId, String requestId) {
    }

    @Autowired
    public void setGateway(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @Autowired
    public void setCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @Autowired
    public void setDeadlines(DeadlineManager deadlines) {
        this.deadlines = deadlines;
    }

    @Autowired
    public void setSettings(GatewayProperties settings) {
        this.settings = settings;
    }

    @Autowired
    public void setReceiptSettings(ReceiptProperties receiptSettings) {
        this.receiptSettings = receiptSettings;
    }

    @Autowired
    public void setKnownPayments(KnownPayments knownPayments) {
        this.knownPayments = knownPayments;
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

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentRecorded event, @MessageIdentifier String eventId) {
        orderId = event.orderId();
        open.remove(event.paymentId());
        toSettle.remove(event.paymentId());
        if (event.owedBack().isPositive()) {
            toRefund.put(refundKey(eventId, event.paymentId()), new Refund(event.paymentId(), event.owedBack(),
                    receiptsOn() ? event.owedBackReceipt() : null));
            talkToGateway();
        }
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
    public void on(OrderCancelled event, @MessageIdentifier String eventId) {
        orderId = event.orderId();
        awaitingPayment = false;
        cancelDeadline();
        toCreate.clear();
        open.clear();
        // nothing more is to be taken: what is authorized and not captured yet is released instead
        toSettle.replaceAll((paymentId, amount) -> Money.ZERO);
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            toRefund.put(refundKey(eventId, due.paymentId()), new Refund(due.paymentId(), due.amount(),
                    receiptsOn() ? due.receipt() : null));
        }
        talkToGateway();
        endIfSettled();
    }

    /** A move to a cheaper period owes back what was paid beyond the new total: gateway money goes back through it. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(com.orderdesk.shared.order.event.OrderRescheduled event, @MessageIdentifier String eventId) {
        orderId = event.orderId();
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            toRefund.put(refundKey(eventId, due.paymentId()), new Refund(due.paymentId(), due.amount(),
                    receiptsOn() ? due.receipt() : null));
        }
        talkToGateway();
        endIfSettled();
    }

    /** A refused refund: what is still owed and refundable is asked for again, under a key of its own. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayRefundFailed event, @MessageIdentifier String eventId) {
        orderId = event.orderId();
        if (event.retried() != null && event.retried().isPositive()) {
            toRefund.put(refundKey(eventId, event.paymentId()), new Refund(event.paymentId(), event.retried(),
                    receiptsOn() ? event.retriedReceipt() : null));
            talkToGateway();
        }
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
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ExpireOnlinePayment(orderId, awaitedRequestId))
                .andMetaData(Attribution.of(Actor.system(Channel.DEADLINE), "Истёк срок онлайн-оплаты ("
                        + inWords(settings.paymentTimeout()) + ") " + why)));
    }

    /** "15 мин.", "20 с" — the payment timeout as the audit trail says it. */
    static String inWords(Duration timeout) {
        return timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " мин." : timeout.toSeconds() + " с";
    }

    @DeadlineHandler(deadlineName = GATEWAY_RETRY)
    public void retryGateway() {
        retryId = null;
        talkToGateway();
        endIfSettled();
    }

    /** Creates, captures or releases, and refunds what is due; on a gateway outage, tries again later. */
    private void talkToGateway() {
        try {
            for (Request request : List.copyOf(toCreate.values())) {
                create(request);
            }
            for (Map.Entry<String, Money> settle : List.copyOf(toSettle.entrySet())) {
                settle(settle.getKey(), settle.getValue());
            }
            for (Map.Entry<String, Refund> refund : List.copyOf(toRefund.entrySet())) {
                refund(refund.getKey(), refund.getValue());
            }
            retryAttempt = 0;
        } catch (PaymentGateway.GatewayUnavailableException unavailable) {
            scheduleRetry(unavailable);
        }
    }

    private void create(Request request) {
        try {
            PaymentGateway.GatewayPayment payment = gateway.createPayment(paymentKey(orderId, request.requestId()), request.amount(),
                    request.description(), returnUrl(), Map.of("orderId", orderId, "requestId", request.requestId()),
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
                recordReceipt("request:" + request.requestId(), WatchedReceipt.of(ReceiptKind.PAYMENT, null, null, request.amount(),
                        request.receipt()), ReceiptStatus.FAILED, WatchedReceipt.reason(rejected));
            }
            throw new PaymentGateway.GatewayUnavailableException("refused: " + rejected.getMessage(), rejected);
        }
    }

    /** Captures (amount) or releases (zero) an authorized payment, then records what the gateway answers. */
    private void settle(String paymentId, Money amount) {
        PaymentGateway.GatewayPayment payment;
        try {
            Receipt receipt = captureReceipts.get(paymentId);
            payment = amount.isPositive() ? gateway.capturePayment("capture-" + paymentId, paymentId, amount,
                    partialCaptures.contains(paymentId) ? receipt : null)
                    : gateway.cancelPayment("cancel-" + paymentId, paymentId);
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            // captured or released already, or expired: the gateway's own state decides
            payment = gateway.getPayment(paymentId);
        }
        if (!GatewayFacts.isFinal(payment)) {
            throw new PaymentGateway.GatewayUnavailableException("payment " + paymentId + " is still " + payment.status(), null);
        }
        toSettle.remove(paymentId);
        PaymentGateway.GatewayPayment settled = payment;
        GatewayFacts.commandFor(orderId, settled).ifPresent(command -> send(command, Channel.SAGA,
                "Платёжный процесс " + (amount.isPositive() ? "списал " + amount.toRussianTextWithKopecks() : "отменил")
                        + " по платежу " + paymentId + "; шлюз подтвердил статус " + settled.status()));
        Receipt receipt = captureReceipts.remove(paymentId);
        partialCaptures.remove(paymentId);
        if (receipt != null && settled.succeeded()) {
            // the gateway registers the payment's receipt now that the money is taken
            Receipt taken = settled.amount().equals(receipt.total()) ? receipt : null;
            if (taken != null) {
                recordReceipt("payment:" + paymentId, WatchedReceipt.of(ReceiptKind.PAYMENT, paymentId, null, settled.amount(), taken),
                        ReceiptStatus.PENDING, null);
            } else {
                log.error("Payment {} of order {} was taken for {}, its receipt is for {}", paymentId, orderId, settled.amount(),
                        receipt.total());
            }
        }
    }

    private void refund(String key, Refund refund) {
        try {
            PaymentGateway.GatewayRefund made = gateway.createRefund(key, refund.paymentId(), refund.amount(), refund.receipt());
            toRefund.remove(key);
            if (made.succeeded()) {
                send(GatewayFacts.commandFor(orderId, made), Channel.SAGA,
                        "Платёжный процесс вернул " + made.amount().toRussianTextWithKopecks() + " по платежу " + made.paymentId());
            }
            if (refund.receipt() != null) {
                recordReceipt("refund:" + made.id(), WatchedReceipt.of(ReceiptKind.REFUND, made.paymentId(), made.id(), made.amount(),
                        refund.receipt()), ReceiptStatus.PENDING, null);
            }
        } catch (PaymentGateway.GatewayRejectedException refused) {
            // the order may not know every refund of the payment (one made in the gateway's dashboard): it learns them
            // first, so that what it asks for again, or leaves to the desk, is exactly what is still owed
            for (PaymentGateway.GatewayRefund made : gateway.refundsOf(refund.paymentId())) {
                if (made.succeeded()) {
                    send(GatewayFacts.commandFor(orderId, made), Channel.SAGA,
                            "Шлюз на запрос сообщил о возврате " + made.id() + " по платежу " + made.paymentId());
                }
            }
            toRefund.remove(key);
            Metrics.counter(REFUNDS_FAILED_METRIC).increment();
            log.error("Gateway refused refund {} of {} for payment {} of order {}: {}", key, refund.amount(), refund.paymentId(),
                    orderId, refused.getMessage());
            String reason = WatchedReceipt.reason(refused);
            send(new RecordGatewayRefundFailed(orderId, key, refund.paymentId(), refund.amount(), reason), Channel.SAGA,
                    "Шлюз отказал в возврате по платежу " + refund.paymentId());
        }
    }

    /**
     * Records a receipt on the order: handed to the gateway with a payment or a refund ({@code PENDING} — the receipt
     * saga watches it from there), or refused with the request that carried it.
     */
    private void recordReceipt(String key, WatchedReceipt receipt, ReceiptStatus status, String reason) {
        if (status.isFailure()) {
            Metrics.counter(ReceiptSaga.RECEIPTS_FAILED_METRIC).increment();
            log.error("Receipt {} of order {} {}: {}", key, orderId, status, reason);
        }
        send(receipt.record(orderId, key, status, reason, null), Channel.SAGA, receipt.cause(status));
    }

    /**
     * The idempotence key of a payment request: the order and its request (a request id alone may repeat across
     * orders — the same client key on two orders — and must never fetch another order's payment).
     */
    static String paymentKey(String orderId, String requestId) {
        return UUID.nameUUIDFromBytes(("payment:" + orderId + ":" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Each refund request its own idempotence key (at most 64 characters, as YooKassa allows): the event that asked, and the payment. */
    static String refundKey(String eventId, String paymentId) {
        return UUID.nameUUIDFromBytes((eventId + ":" + paymentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void send(Object command, Channel channel, String cause) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Attribution.of(Actor.system(channel), cause)));
    }

    private void scheduleRetry(RuntimeException cause) {
        retryAttempt++;
        Duration delay = Duration.ofSeconds(1L << Math.min(retryAttempt, 8));
        delay = delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
        log.warn("Gateway unavailable for order {} (attempt {}), retrying in {}: {}", orderId, retryAttempt, delay, cause.getMessage());
        if (retryId == null) {
            retryId = deadlines.schedule(delay, GATEWAY_RETRY);
        }
    }

    private String returnUrl() {
        String template = settings.returnUrl() == null ? "/my/orders/{orderId}" : settings.returnUrl();
        return template.replace("{orderId}", orderId);
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlines.cancelSchedule(PAYMENT_DEADLINE, deadlineId);
            deadlineId = null;
        }
    }

    private void endIfSettled() {
        if (deadlineId == null && retryId == null && toCreate.isEmpty() && open.isEmpty() && toSettle.isEmpty() && toRefund.isEmpty()) {
            SagaLifecycle.end();
        }
    }
}
