package com.orderdesk.payment.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.orderdesk.payment.gateway.GatewayProperties;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.value.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One order's online money, from the request to the last refund (SPEC.md §5). Asks the gateway for a payment
 * (idempotence key = request id, so retries never create two), records its id and page on the order, cancels an
 * order still awaiting payment when the deadline passes («Истек срок оплаты»), and returns through the gateway
 * every gateway payment of a cancelled order and every overpayment. Verified gateway notifications are recorded
 * on the order by the webhook's inbox; this saga reacts to the resulting events. Deadlines are persistent.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentSaga {
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String GATEWAY_RETRY = "gateway-retry";
    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

    private String orderId;
    /** Requests the gateway has not created a payment for yet: request id → what to ask. */
    private final Map<String, Request> toCreate = new LinkedHashMap<>();
    /** Created and neither paid nor canceled: gateway payment id → request id. */
    private final Map<String, String> open = new LinkedHashMap<>();
    /** Money to return through the gateway: gateway payment id → amount, until the refund is recorded. */
    private final Map<String, Money> toRefund = new LinkedHashMap<>();
    private String deadlineId;
    private String retryId;
    private int retryAttempt;

    private transient PaymentGateway gateway;
    private transient CommandGateway commands;
    private transient DeadlineManager deadlines;
    private transient GatewayProperties settings;

    public record Request(String requestId, Money amount, String description) {
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

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OnlinePaymentRequested event) {
        orderId = event.orderId();
        toCreate.put(event.requestId(), new Request(event.requestId(), event.amount(), event.description()));
        if (event.orderAwaitsIt() && deadlineId == null) {
            deadlineId = deadlines.schedule(settings.paymentTimeout(), PAYMENT_DEADLINE,
                    new PaymentDeadline(event.orderId(), event.requestId()));
        }
        talkToGateway();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentCreated event) {
        toCreate.remove(event.requestId());
        open.put(event.gatewayPaymentId(), event.requestId());
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderConfirmed event) {
        cancelDeadline();
        endIfSettled();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentRecorded event) {
        orderId = event.orderId();
        open.remove(event.paymentId());
        if (event.owedBack().isPositive()) {
            toRefund.merge(event.paymentId(), event.owedBack(), Money::plus);
            talkToGateway();
        }
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayPaymentCanceled event) {
        open.remove(event.gatewayPaymentId());
        endIfSettled();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCancelled event) {
        orderId = event.orderId();
        cancelDeadline();
        toCreate.clear();
        open.clear();
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            toRefund.put(due.paymentId(), due.amount());
        }
        talkToGateway();
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(GatewayRefundRecorded event) {
        toRefund.computeIfPresent(event.gatewayPaymentId(), (id, left) -> {
            Money rest = left.minusOrZero(event.amount());
            return rest.isZero() ? null : rest;
        });
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCompleted event) {
        cancelDeadline();
        toCreate.clear();
        endIfSettled();
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    public void paymentDeadlinePassed(PaymentDeadline deadline) {
        deadlineId = null;
        log.info("Payment deadline of order {} passed", deadline.orderId());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ExpireOnlinePayment(deadline.orderId(), deadline.requestId()))
                .andMetaData(Attribution.of(Actor.system(Channel.DEADLINE), "Истёк срок онлайн-оплаты ("
                        + inWords(settings.paymentTimeout()) + ") по запросу " + deadline.requestId())));
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

    /** Creates what is to be created and refunds what is to be refunded; on a gateway outage, tries again later. */
    private void talkToGateway() {
        try {
            for (Request request : Map.copyOf(toCreate).values()) {
                create(request);
            }
            for (Map.Entry<String, Money> refund : Map.copyOf(toRefund).entrySet()) {
                // the key names payment and amount: a retry repeats the same refund, never a second one
                gateway.createRefund("refund-" + refund.getKey() + "-" + refund.getValue().minor(), refund.getKey(), refund.getValue());
            }
            retryAttempt = 0;
        } catch (PaymentGateway.GatewayUnavailableException unavailable) {
            scheduleRetry(unavailable);
        }
    }

    private void create(Request request) {
        try {
            PaymentGateway.GatewayPayment payment = gateway.createPayment(request.requestId(), request.amount(),
                    request.description(), returnUrl(), Map.of("orderId", orderId, "requestId", request.requestId()));
            SagaLifecycle.associateWith("gatewayPaymentId", payment.id());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new RecordGatewayPaymentCreated(orderId, request.requestId(), payment.id(), payment.confirmationUrl()))
                    .andMetaData(Attribution.of(Actor.system(Channel.SAGA), "Платёжный процесс создал платёж "
                            + payment.id() + " в шлюзе по запросу " + request.requestId())));
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            // a refusal is a configuration or gateway problem an operator must see; the request stays and is retried
            log.error("Gateway refused the payment request {} of order {}: {}", request.requestId(), orderId, rejected.getMessage());
            throw new PaymentGateway.GatewayUnavailableException("refused: " + rejected.getMessage(), rejected);
        }
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
        if (deadlineId == null && retryId == null && toCreate.isEmpty() && open.isEmpty() && toRefund.isEmpty()) {
            SagaLifecycle.end();
        }
    }
}
