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
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.value.Money;
import com.orderdesk.payment.receipt.ReceiptProperties;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.command.RequestSettlementReceipt;
import com.orderdesk.shared.order.event.SettlementReceiptDue;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import java.time.Instant;
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
 * only make it sooner); a refusal is recorded as well, never swallowed. Deadlines are persistent.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentSaga {
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String GATEWAY_RETRY = "gateway-retry";
    public static final String REFUNDS_FAILED_METRIC = "orderdesk.gateway.refunds.failed";
    static final String RECEIPT_POLL = "receipt-poll";
    static final String SETTLEMENT_DUE = "settlement-due";
    public static final String RECEIPTS_FAILED_METRIC = "orderdesk.receipts.failed";
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
    /** Receipts handed to the gateway whose registration is not known yet: receipt key → what to ask about. */
    private final Map<String, Watched> watchedReceipts = new LinkedHashMap<>();
    private String pollId;
    private int pollAttempt;
    /** A prepayment went to the register with its receipt: the order is settled when its service is rendered. */
    private boolean settlementWanted;
    /** The order was cancelled: a prepayment receipt registered from now on is settled at once for what the order keeps. */
    private boolean cancelled;
    private Instant rentalStart;
    private String settlementDeadlineId;
    /** A settlement receipt the order decided on and the gateway has not made yet. */
    private SettlementReceiptDue settlementToCreate;
    /** Refunds made in the gateway's dashboard whose refund receipt the gateway is still to make, by refund id. */
    private final Map<String, Refund> refundReceiptsToCreate = new java.util.LinkedHashMap<>();

    private transient ReceiptProperties receiptSettings;
    private transient PaymentGateway gateway;
    private transient CommandGateway commands;
    private transient DeadlineManager deadlines;
    private transient GatewayProperties settings;
    private transient KnownPayments knownPayments;
    private transient java.time.Clock clock;

    public record Request(String requestId, Money amount, String description, Receipt receipt) {
    }

    public record Refund(String paymentId, Money amount, Receipt receipt) {
    }

    /** A receipt the saga asks the gateway about until it is registered or canceled. */
    public record Watched(ReceiptKind kind, String paymentId, String refundId, String receiptId, Money amount, Receipt receipt,
                          List<Settlement> settlements, int looks) {
        Watched withLook(String foundId) {
            return new Watched(kind, paymentId, refundId, foundId != null ? foundId : receiptId, amount, receipt, settlements, looks + 1);
        }
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

    @Autowired
    public void setClock(java.time.Clock clock) {
        this.clock = clock;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OnlinePaymentRequested event) {
        orderId = event.orderId();
        toCreate.put(event.requestId(), new Request(event.requestId(), event.amount(), event.description(),
                receiptsOn() ? event.receipt() : null));
        if (event.rentalStart() != null) {
            rentalStart = event.rentalStart();
        }
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
        // what a cancelled order keeps of a prepayment (a partial refund) is settled now; the order decides how much
        cancelled = true;
        cancelSettlementDeadline();
        if (settlementWanted) {
            requestSettlement("Заказ отменён: удержанная часть предоплаты зачитывается чеком");
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

    /** A refund made in the gateway's own dashboard came without a receipt: the gateway is asked to make it. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayRefundRecorded event) {
        orderId = event.orderId();
        if (receiptsOn() && event.unaskedReceipt() != null) {
            refundReceiptsToCreate.put(event.gatewayRefundId(), new Refund(event.gatewayPaymentId(), event.unaskedReceipt().total(),
                    event.unaskedReceipt()));
            talkToGateway();
        }
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
        if (settlementWanted && receiptSettings.settlementOn() == ReceiptProperties.SettlementOn.COMPLETION) {
            requestSettlement("Заказ выполнен: предоплата зачитывается чеком");
        }
        endIfSettled();
    }

    /** The rental began ({@code settlement-on: RENTAL_START}): the prepayment is settled now. */
    @DeadlineHandler(deadlineName = SETTLEMENT_DUE)
    public void rentalStarted() {
        settlementDeadlineId = null;
        if (settlementWanted) {
            requestSettlement("Аренда началась: предоплата зачитывается чеком");
        }
        endIfSettled();
    }

    /** The order decides whether a settlement is due (once); its decision comes back as {@link SettlementReceiptDue}. */
    private void requestSettlement(String cause) {
        settlementWanted = false;
        send(new RequestSettlementReceipt(orderId, receiptSettings.deskPaymentsInRegister()), Channel.SAGA, cause);
    }

    /** The order decided on its settlement receipt: have the gateway make it (once — its key is the order's). */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(SettlementReceiptDue event) {
        orderId = event.orderId();
        if (receiptsOn()) {
            settlementToCreate = event;
            talkToGateway();
        }
        endIfSettled();
    }

    @DeadlineHandler(deadlineName = RECEIPT_POLL)
    public void lookAtReceipts() {
        pollId = null;
        for (Map.Entry<String, Watched> entry : List.copyOf(watchedReceipts.entrySet())) {
            lookAt(entry.getKey(), entry.getValue());
        }
        schedulePoll();
        endIfSettled();
    }

    /** Asks the gateway how a receipt stands (its own list, never a notification) and records any change. */
    private void lookAt(String key, Watched watched) {
        PaymentGateway.GatewayReceipt found;
        try {
            List<PaymentGateway.GatewayReceipt> receipts = watched.kind() == ReceiptKind.REFUND
                    ? gateway.receiptsOfRefund(watched.refundId()) : gateway.receiptsOfPayment(watched.paymentId());
            found = receipts.stream().filter(receipt -> matches(watched, receipt)).findFirst().orElse(null);
        } catch (RuntimeException unavailable) {
            log.warn("Could not ask the gateway about receipt {} of order {}: {}", key, orderId, unavailable.getMessage());
            found = null;
        }
        Watched looked = watched.withLook(found == null ? null : found.id());
        if (found != null && !found.pending()) {
            watchedReceipts.remove(key);
            recordAnswer(key, looked, found);
        } else if (looked.looks() >= receiptSettings.pollAttempts()) {
            watchedReceipts.remove(key);
            recordReceipt(key, looked, ReceiptStatus.FAILED, "ЮKassa не подтвердила регистрацию чека за "
                    + looked.looks() + " проверок: узнайте его состояние в личном кабинете ЮKassa", found);
        } else {
            watchedReceipts.put(key, looked);
        }
    }

    private static boolean matches(Watched watched, PaymentGateway.GatewayReceipt receipt) {
        if (watched.receiptId() != null) {
            return watched.receiptId().equals(receipt.id());
        }
        return switch (watched.kind()) {
            case PAYMENT -> "payment".equals(receipt.type()) && !receipt.settlesPrepayment();
            case REFUND -> "refund".equals(receipt.type()) && watched.refundId().equals(receipt.refundId());
            case SETTLEMENT -> "payment".equals(receipt.type()) && receipt.settlesPrepayment();
        };
    }

    /** A receipt handed to the gateway: recorded on the order as pending, and looked at until it is registered. */
    private void watch(String key, Watched watched) {
        recordReceipt(key, watched, ReceiptStatus.PENDING, null, null);
        watchedReceipts.put(key, watched);
        // a new receipt is looked at soon, not after the waits an earlier one's looks have grown to (the refund's
        // receipt waited 16 s behind the payment's)
        pollAttempt = 0;
        if (pollId != null) {
            deadlines.cancelSchedule(RECEIPT_POLL, pollId);
            pollId = null;
        }
        schedulePoll();
    }

    private void recordReceipt(String key, Watched watched, ReceiptStatus status, String reason, PaymentGateway.GatewayReceipt found) {
        if (status.isFailure()) {
            Metrics.counter(RECEIPTS_FAILED_METRIC).increment();
            log.error("Receipt {} of order {} {}: {}", key, orderId, status, reason);
        }
        send(new RecordReceipt(orderId, key, watched.kind(), status, found != null ? found.id() : watched.receiptId(),
                        watched.paymentId(), watched.refundId(), watched.amount(), watched.receipt(), watched.settlements(), reason,
                        found == null ? null : found.fiscalDocumentNumber(), found == null ? null : found.fiscalStorageNumber(),
                        found == null ? null : found.fiscalAttribute()),
                Channel.SAGA, "Платёжный процесс: " + watched.kind().label().toLowerCase(java.util.Locale.ROOT) + " — "
                        + status.label() + " (по ответу ЮKassa)");
    }

    private void schedulePoll() {
        if (watchedReceipts.isEmpty() || pollId != null) {
            return;
        }
        Duration delay = receiptSettings.firstPoll().multipliedBy(1L << Math.min(pollAttempt, 16));
        delay = delay.compareTo(receiptSettings.maxPoll()) > 0 ? receiptSettings.maxPoll() : delay;
        pollAttempt++;
        pollId = deadlines.schedule(delay, RECEIPT_POLL);
    }

    private boolean receiptsOn() {
        return receiptSettings != null && receiptSettings.enabled();
    }

    private void cancelSettlementDeadline() {
        if (settlementDeadlineId != null) {
            deadlines.cancelSchedule(SETTLEMENT_DUE, settlementDeadlineId);
            settlementDeadlineId = null;
        }
    }

    /** After a prepayment's receipt went to the register: the settlement comes at completion, or at the rental's start. */
    private void wantSettlement() {
        settlementWanted = true;
        if (cancelled) {
            requestSettlement("Заказ отменён: удержанная часть предоплаты зачитывается чеком");
            return;
        }
        if (receiptSettings.settlementOn() == ReceiptProperties.SettlementOn.RENTAL_START && settlementDeadlineId == null
                && rentalStart != null) {
            Instant now = clock.instant();
            settlementDeadlineId = deadlines.schedule(rentalStart.isAfter(now) ? rentalStart : now, SETTLEMENT_DUE);
        }
    }

    /** Has the gateway make the settlement receipt — unless it made it already (a retry after a crash, days later). */
    private void createSettlement() {
        SettlementReceiptDue due = settlementToCreate;
        String key = "settlement";
        try {
            PaymentGateway.GatewayReceipt made = gateway.receiptsOfPayment(due.paymentId()).stream()
                    .filter(PaymentGateway.GatewayReceipt::settlesPrepayment).findFirst()
                    .orElseGet(() -> gateway.createSettlementReceipt(
                            UUID.nameUUIDFromBytes(due.receiptKey().getBytes(StandardCharsets.UTF_8)).toString(),
                            due.paymentId(), due.receipt(), due.settlements()));
            settlementToCreate = null;
            Watched created = settlement(due, made.id());
            if (made.pending()) {
                watch(key, created);
            } else {
                recordAnswer(key, created, made);
            }
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            settlementToCreate = null;
            recordReceipt(key, settlement(due, null), ReceiptStatus.FAILED, reason(rejected), null);
        }
    }

    /** Has the gateway make the refund receipt of a dashboard refund (once: its key is the refund's), then watches it. */
    private void createRefundReceipt(String refundId, Refund refund) {
        String key = "refund:" + refundId;
        Watched watched = new Watched(ReceiptKind.REFUND, refund.paymentId(), refundId, null, refund.amount(), refund.receipt(), List.of(), 0);
        try {
            PaymentGateway.GatewayReceipt made = gateway.receiptsOfRefund(refundId).stream().findFirst()
                    .orElseGet(() -> gateway.createRefundReceipt(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(),
                            refundId, refund.paymentId(), refund.receipt()));
            refundReceiptsToCreate.remove(refundId);
            Watched created = watched.withLook(made.id());
            if (made.pending()) {
                watch(key, created);
            } else {
                recordAnswer(key, created, made);
            }
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            refundReceiptsToCreate.remove(refundId);
            recordReceipt(key, watched, ReceiptStatus.FAILED, reason(rejected), null);
        }
    }

    private static Watched settlement(SettlementReceiptDue due, String receiptId) {
        return new Watched(ReceiptKind.SETTLEMENT, due.paymentId(), null, receiptId, due.receipt().total(), due.receipt(),
                due.settlements(), 0);
    }

    /** The register's final answer about a receipt: registered, or canceled (then staff see why). */
    private void recordAnswer(String key, Watched watched, PaymentGateway.GatewayReceipt found) {
        boolean registered = found.succeeded();
        recordReceipt(key, watched, registered ? ReceiptStatus.SUCCEEDED : ReceiptStatus.CANCELED,
                registered ? null : "Касса не зарегистрировала чек: ЮKassa сообщила статус " + found.status(), found);
    }

    private static String reason(RuntimeException refused) {
        String message = refused.getMessage() == null ? refused.toString() : refused.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
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
            if (settlementToCreate != null) {
                createSettlement();
            }
            for (Map.Entry<String, Refund> receipt : List.copyOf(refundReceiptsToCreate.entrySet())) {
                createRefundReceipt(receipt.getKey(), receipt.getValue());
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
                recordReceipt("request:" + request.requestId(), new Watched(ReceiptKind.PAYMENT, null, null, null, request.amount(),
                        request.receipt(), List.of(), 0), ReceiptStatus.FAILED, reason(rejected), null);
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
                watch("payment:" + paymentId, new Watched(ReceiptKind.PAYMENT, paymentId, null, null, settled.amount(), taken,
                        List.of(), 0));
                if (taken.mode() != null && taken.mode().isPrepayment()) {
                    wantSettlement();
                }
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
                watch("refund:" + made.id(), new Watched(ReceiptKind.REFUND, made.paymentId(), made.id(), null, made.amount(),
                        refund.receipt(), List.of(), 0));
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
            String reason = reason(refused);
            send(new RecordGatewayRefundFailed(orderId, key, refund.paymentId(), refund.amount(), reason), Channel.SAGA,
                    "Шлюз отказал в возврате по платежу " + refund.paymentId());
        }
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
        if (deadlineId == null && retryId == null && toCreate.isEmpty() && open.isEmpty() && toSettle.isEmpty() && toRefund.isEmpty()
                && watchedReceipts.isEmpty() && pollId == null && !settlementWanted && settlementDeadlineId == null
                && settlementToCreate == null && refundReceiptsToCreate.isEmpty()) {
            SagaLifecycle.end();
        }
    }
}
