package com.orderdesk.payment.receipt;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.orderdesk.payment.gateway.GatewayRetry;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.command.RequestSettlementReceipt;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderMarkedNoShow;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.event.SettlementReceiptDue;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One order's 54-ФЗ receipts after they are handed to the gateway (ADR 014, issue 29): watches each receipt until the
 * register answers, has the gateway make the settlement receipt when the order decides one is due (at completion, or
 * at the rental's start), and the refund receipt of a refund made in the gateway's dashboard. The payment saga hands a
 * receipt over by recording it as pending on the order ({@link ReceiptRecorded}); this saga takes it from there. Both
 * sagas are one processor's (they read the events in one order, from one position). Deadlines are persistent.
 */
@Saga
@ProcessingGroup(ReceiptSaga.PROCESSOR)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReceiptSaga {
    /** The processor of the payment module's sagas (payments, refunds, receipts): one order of events, one position. */
    public static final String PROCESSOR = "PaymentSagaProcessor";
    static final String RECEIPT_POLL = "receipt-poll";
    static final String SETTLEMENT_DUE = "settlement-due";
    static final String RECEIPT_RETRY = "receipt-gateway-retry";
    private static final Logger log = LoggerFactory.getLogger(ReceiptSaga.class);

    private String orderId;
    /**
     * A prepayment with a receipt was asked for online and its receipt is not handed over yet, with settlements due at the
     * rental's start: the saga keeps that start until then.
     */
    private boolean awaitingPrepayment;
    /** Receipts handed to the gateway whose registration is not known yet: receipt key → what to ask about. */
    private final Map<String, WatchedReceipt> watchedReceipts = new LinkedHashMap<>();
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
    private final Map<String, Refund> refundReceiptsToCreate = new LinkedHashMap<>();
    private String retryId;
    private int retryAttempt;

    @Autowired
    private transient ReceiptProperties settings;
    @Autowired
    private transient PaymentGateway gateway;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient Clock clock;

    /** A refund whose receipt the gateway is to make. */
    public record Refund(String paymentId, Money amount, com.orderdesk.shared.order.receipt.Receipt receipt) {
    }

    /** A prepayment asked for online with its receipt: with settlements at the rental's start, that start is kept. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OnlinePaymentRequested event) {
        orderId = event.orderId();
        if (receiptsOn() && settings.settlementOn() == ReceiptProperties.SettlementOn.RENTAL_START && isPrepayment(event.receipt())
                && event.rentalStart() != null) {
            awaitingPrepayment = true;
            rentalStart = event.rentalStart();
        }
        endIfSettled();
    }

    /** A receipt handed to the gateway (recorded as pending): watched until the register answers. */
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(ReceiptRecorded event) {
        orderId = event.orderId();
        if (receiptsOn() && event.status() == ReceiptStatus.PENDING && !watchedReceipts.containsKey(event.receiptKey())) {
            watch(event.receiptKey(), WatchedReceipt.of(event));
            if (event.kind() == ReceiptKind.PAYMENT && isPrepayment(event.receipt())) {
                awaitingPrepayment = false;
                wantSettlement();
            }
        }
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCancelled event) {
        awaitingPrepayment = false;
        // what a cancelled order keeps of a prepayment (a partial refund) is settled now; the order decides how much
        cancelled = true;
        cancelSettlementDeadline();
        if (settlementWanted) {
            requestSettlement("Заказ отменён: удержанная часть предоплаты зачитывается чеком");
        }
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCompleted event) {
        awaitingPrepayment = false;
        if (settlementWanted && settings.settlementOn() == ReceiptProperties.SettlementOn.COMPLETION) {
            requestSettlement("Заказ выполнен: предоплата зачитывается чеком");
        }
        endIfSettled();
    }

    /**
     * The guest did not come (issue 30): the prepayment the service keeps is settled now — the service counts as rendered,
     * as a cancellation's kept part is settled at once.
     */
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderMarkedNoShow event) {
        awaitingPrepayment = false;
        cancelSettlementDeadline();
        if (settlementWanted) {
            requestSettlement("Гость не пришёл: предоплата зачитывается чеком");
        }
        endIfSettled();
    }

    /**
     * The order moved (issue 27): with settlements at the rental's start, the settlement follows the new start
     * (docs/adr/021 left this open: the old start was kept).
     */
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderRescheduled event) {
        if (rentalStart != null) {
            rentalStart = event.to().start();
            if (settlementDeadlineId != null) {
                cancelSettlementDeadline();
                wantSettlement();
            }
        }
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

    /** The rental began ({@code settlement-on: RENTAL_START}): the prepayment is settled now. */
    @DeadlineHandler(deadlineName = SETTLEMENT_DUE)
    public void rentalStarted() {
        settlementDeadlineId = null;
        if (settlementWanted) {
            requestSettlement("Аренда началась: предоплата зачитывается чеком");
        }
        endIfSettled();
    }

    @DeadlineHandler(deadlineName = RECEIPT_POLL)
    public void lookAtReceipts() {
        pollId = null;
        for (Map.Entry<String, WatchedReceipt> entry : List.copyOf(watchedReceipts.entrySet())) {
            lookAt(entry.getKey(), entry.getValue());
        }
        schedulePoll();
        endIfSettled();
    }

    @DeadlineHandler(deadlineName = RECEIPT_RETRY)
    public void retryGateway() {
        retryId = null;
        talkToGateway();
        endIfSettled();
    }

    /** Asks the gateway how a receipt stands (its own list, never a notification) and records any change. */
    private void lookAt(String key, WatchedReceipt watched) {
        PaymentGateway.GatewayReceipt found;
        try {
            List<PaymentGateway.GatewayReceipt> receipts = watched.kind() == ReceiptKind.REFUND
                    ? gateway.receiptsOfRefund(watched.refundId()) : gateway.receiptsOfPayment(watched.paymentId());
            found = receipts.stream().filter(watched::matches).findFirst().orElse(null);
        } catch (RuntimeException unavailable) {
            log.warn("Could not ask the gateway about receipt {} of order {}: {}", key, orderId, unavailable.getMessage());
            found = null;
        }
        WatchedReceipt looked = watched.withLook(found == null ? null : found.id());
        if (found != null && !found.pending()) {
            watchedReceipts.remove(key);
            recordAnswer(key, looked, found);
        } else if (looked.looks() >= settings.pollAttempts()) {
            watchedReceipts.remove(key);
            record(key, looked, ReceiptStatus.FAILED, "ЮKassa не подтвердила регистрацию чека за "
                    + looked.looks() + " проверок: узнайте его состояние в личном кабинете ЮKassa", found);
        } else {
            watchedReceipts.put(key, looked);
        }
    }

    private void record(String key, WatchedReceipt watched, ReceiptStatus status, String reason, PaymentGateway.GatewayReceipt found) {
        watched.record(commands, orderId, key, status, reason, found);
    }

    /** The register's final answer about a receipt: registered, or canceled (then staff see why). */
    private void recordAnswer(String key, WatchedReceipt watched, PaymentGateway.GatewayReceipt found) {
        boolean registered = found.succeeded();
        record(key, watched, registered ? ReceiptStatus.SUCCEEDED : ReceiptStatus.CANCELED,
                registered ? null : "Касса не зарегистрировала чек: ЮKassa сообщила статус " + found.status(), found);
    }

    private void watch(String key, WatchedReceipt receipt) {
        watchedReceipts.put(key, receipt);
        // a new receipt is looked at soon, not after the waits an earlier one's looks have grown to (the refund's
        // receipt waited 16 s behind the payment's)
        pollAttempt = 0;
        if (pollId != null) {
            deadlines.cancelSchedule(RECEIPT_POLL, pollId);
            pollId = null;
        }
        schedulePoll();
    }

    private void schedulePoll() {
        if (watchedReceipts.isEmpty() || pollId != null) {
            return;
        }
        Duration delay = settings.firstPoll().multipliedBy(1L << Math.min(pollAttempt, 16));
        delay = delay.compareTo(settings.maxPoll()) > 0 ? settings.maxPoll() : delay;
        pollAttempt++;
        pollId = deadlines.schedule(delay, RECEIPT_POLL);
    }

    /** After a prepayment's receipt went to the register: the settlement comes at completion, or at the rental's start. */
    private void wantSettlement() {
        settlementWanted = true;
        if (cancelled) {
            requestSettlement("Заказ отменён: удержанная часть предоплаты зачитывается чеком");
            return;
        }
        if (settings.settlementOn() == ReceiptProperties.SettlementOn.RENTAL_START && settlementDeadlineId == null && rentalStart != null) {
            Instant now = clock.instant();
            settlementDeadlineId = deadlines.schedule(rentalStart.isAfter(now) ? rentalStart : now, SETTLEMENT_DUE);
        }
    }

    /** The order decides whether a settlement is due (once); its decision comes back as {@link SettlementReceiptDue}. */
    private void requestSettlement(String cause) {
        settlementWanted = false;
        send(new RequestSettlementReceipt(orderId, settings.deskPaymentsInRegister()), cause);
    }

    private void cancelSettlementDeadline() {
        if (settlementDeadlineId != null) {
            deadlines.cancelSchedule(SETTLEMENT_DUE, settlementDeadlineId);
            settlementDeadlineId = null;
        }
    }

    /** Has the gateway make the receipts of its own that are due; on a gateway outage, tries again later. */
    private void talkToGateway() {
        try {
            if (settlementToCreate != null) {
                createSettlement();
            }
            for (Map.Entry<String, Refund> receipt : List.copyOf(refundReceiptsToCreate.entrySet())) {
                createRefundReceipt(receipt.getKey(), receipt.getValue());
            }
            retryAttempt = 0;
        } catch (PaymentGateway.GatewayUnavailableException unavailable) {
            retryId = GatewayRetry.schedule(deadlines, RECEIPT_RETRY, retryId, ++retryAttempt, "the receipts of order " + orderId, unavailable);
        }
    }

    /** Has the gateway make the settlement receipt (once: its key is the order's). */
    private void createSettlement() {
        SettlementReceiptDue due = settlementToCreate;
        make("settlement", new WatchedReceipt(ReceiptKind.SETTLEMENT, due.paymentId(), null, null, due.receipt().total(), due.receipt(),
                due.settlements(), 0), () -> gateway.receiptsOfPayment(due.paymentId()).stream()
                .filter(PaymentGateway.GatewayReceipt::settlesPrepayment).findFirst()
                .orElseGet(() -> gateway.createSettlementReceipt(PaymentGateway.idempotenceKey(due.receiptKey()), due.paymentId(), due.receipt(), due.settlements())),
                () -> settlementToCreate = null);
    }

    /** Has the gateway make the refund receipt of a dashboard refund (once: its key is the refund's). */
    private void createRefundReceipt(String refundId, Refund refund) {
        String key = "refund:" + refundId;
        make(key, WatchedReceipt.of(ReceiptKind.REFUND, refund.paymentId(), refundId, refund.amount(), refund.receipt()),
                () -> gateway.receiptsOfRefund(refundId).stream().findFirst()
                        .orElseGet(() -> gateway.createRefundReceipt(PaymentGateway.idempotenceKey(key), refundId, refund.paymentId(), refund.receipt())),
                () -> refundReceiptsToCreate.remove(refundId));
    }

    /**
     * Has the gateway make a receipt of its own — or finds the one it made already (a retry after a crash, days
     * later) — then records it: pending (and watched), answered at once, or refused; {@code done} forgets the request.
     */
    private void make(String key, WatchedReceipt receipt, Supplier<PaymentGateway.GatewayReceipt> maker, Runnable done) {
        try {
            PaymentGateway.GatewayReceipt made = maker.get();
            done.run();
            WatchedReceipt handed = receipt.withLook(made.id());
            if (made.pending()) {
                record(key, handed, ReceiptStatus.PENDING, null, null);
                watch(key, handed);
            } else {
                recordAnswer(key, handed, made);
            }
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            done.run();
            record(key, receipt, ReceiptStatus.FAILED, WatchedReceipt.reason(rejected), null);
        }
    }

    private void send(Object command, String cause) {
        commands.sendAndWait(Attribution.sentBy(Actor.system(Channel.SAGA), cause, command));
    }

    private static boolean isPrepayment(com.orderdesk.shared.order.receipt.Receipt receipt) {
        return receipt != null && receipt.mode() != null && receipt.mode().isPrepayment();
    }

    private boolean receiptsOn() {
        return settings != null && settings.enabled();
    }

    private void endIfSettled() {
        if (!awaitingPrepayment && watchedReceipts.isEmpty() && pollId == null && !settlementWanted && settlementDeadlineId == null
                && settlementToCreate == null && refundReceiptsToCreate.isEmpty() && retryId == null) {
            SagaLifecycle.end();
        }
    }
}
