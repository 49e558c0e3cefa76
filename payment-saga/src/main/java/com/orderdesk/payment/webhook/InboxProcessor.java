package com.orderdesk.payment.webhook;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.Rejection;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.payment.gateway.GatewayFacts;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import com.orderdesk.shared.audit.Attribution;
import org.axonframework.commandhandling.CommandMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Acts on stored notifications. The body is never trusted: the payment or refund is fetched from the gateway by
 * id and only that answer is recorded on the order. A notification whose order is not there yet, or whose
 * gateway is down, is tried again later — never dropped.
 */
@Component
class InboxProcessor {
    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final Actor GATEWAY = Actor.system(Channel.GATEWAY);

    private final NotificationInbox inbox;
    private final PaymentGateway gateway;
    private final CommandGateway commands;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "payment-inbox");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    InboxProcessor(NotificationInbox inbox, PaymentGateway gateway, CommandGateway commands) {
        this.inbox = inbox;
        this.gateway = gateway;
        this.commands = commands;
    }

    /** Processes soon, off the webhook's thread, so the gateway gets its 200 at once. */
    void wakeUp() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                processDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${orderdesk.webhook.inbox-poll:PT1S}")
    public synchronized void processDue() {
        for (InboxEntry entry : inbox.claimDue(50)) {
            try {
                inbox.done(entry.key, process(entry));
            } catch (Unconfirmed e) {
                inbox.later(entry.key, e.getMessage(), Duration.ofSeconds(entry.attempts + 1));
            } catch (PaymentGateway.GatewayUnavailableException e) {
                inbox.later(entry.key, "gateway unavailable");
            } catch (RuntimeException e) {
                if (notYetThere(e)) {
                    inbox.later(entry.key, "order not ready: " + e.getMessage());
                } else {
                    log.error("Payment notification {} failed; it will be tried again", entry.key, e);
                    inbox.later(entry.key, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private String process(InboxEntry entry) {
        try {
            return switch (entry.event) {
                case "payment.succeeded", "payment.canceled", "payment.waiting_for_capture" -> payment(entry);
                case "refund.succeeded" -> refund(entry);
                default -> "ignored: unknown event";
            };
        } catch (PaymentGateway.GatewayRejectedException rejected) {
            if (rejected.status() == 404) {
                // junk, or an object of another shop: finished, never retried
                return "ignored: the gateway does not know " + entry.objectId;
            }
            throw new PaymentGateway.GatewayUnavailableException("gateway refused to answer: " + rejected.getMessage(), rejected);
        }
    }

    /** Records what the gateway says about the payment, whatever the notification claimed. */
    private String payment(InboxEntry entry) {
        PaymentGateway.GatewayPayment payment = gateway.getPayment(entry.objectId);
        String orderId = payment.metadata().get("orderId");
        if (orderId == null) {
            return "ignored: payment has no order";
        }
        Optional<Object> command = GatewayFacts.commandFor(orderId, payment);
        if (command.isPresent()) {
            commands.sendAndWait(attributed(entry, payment.status(), command.get()));
            return "recorded " + payment.status();
        }
        return unconfirmed(entry, payment.status());
    }

    private String refund(InboxEntry entry) {
        PaymentGateway.GatewayRefund refund = gateway.getRefund(entry.objectId);
        if (!refund.succeeded()) {
            return unconfirmed(entry, refund.status());
        }
        String orderId = gateway.getPayment(refund.paymentId()).metadata().get("orderId");
        if (orderId == null) {
            return "ignored: payment has no order";
        }
        commands.sendAndWait(attributed(entry, refund.status(), GatewayFacts.commandFor(orderId, refund)));
        return "recorded refund";
    }

    /**
     * The notification says more than the gateway does: forged, or early. Looked at again a few times, then set
     * aside as rejected — a later delivery of the same notification opens it again ({@link NotificationInbox#store}).
     */
    private String unconfirmed(InboxEntry entry, String gatewayStatus) {
        if (entry.attempts < 2) {
            throw new Unconfirmed("gateway says " + gatewayStatus);
        }
        log.warn("Notification {} is not confirmed by the gateway (it says {}): recorded nothing", entry.key, gatewayStatus);
        return InboxEntry.REJECTED + "gateway says " + gatewayStatus;
    }

    /** A notification the gateway does not confirm (yet): looked at again soon. */
    private static final class Unconfirmed extends RuntimeException {
        Unconfirmed(String message) {
            super(message, null, false, false);
        }
    }

    /** The gateway acted; the notification (confirmed by the gateway's own answer) is the cause and the correlation. */
    private static CommandMessage<?> attributed(InboxEntry entry, String confirmedStatus, Object command) {
        return Attribution.sentBy(GATEWAY, "Уведомление платёжного шлюза " + entry.event + " об объекте " + entry.objectId
                + "; шлюз на запрос подтвердил статус " + confirmedStatus, "notification:" + entry.key, command);
    }

    /** The order (or the payment a refund belongs to) is not recorded yet: wait for it. */
    private static boolean notYetThere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return true;
            }
            if (t instanceof RejectedException rejected && rejected.code() == ErrorCode.NOT_FOUND) {
                return true;
            }
            if (t instanceof CommandExecutionException failed && failed.getDetails().filter(Rejection.class::isInstance)
                    .map(d -> ((Rejection) d).code() == ErrorCode.NOT_FOUND).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
