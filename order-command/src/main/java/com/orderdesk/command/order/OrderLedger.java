package com.orderdesk.command.order;

import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.value.Money;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.orderdesk.command.order.MoneyRules.max;
import static com.orderdesk.command.order.MoneyRules.min;
import static com.orderdesk.command.order.MoneyRules.sum;

/**
 * The order's money (SPEC.md §3–4): what was paid at the desk and through the gateway, what the gateway is capturing,
 * what is owed back and where, and the sums every money rule asks for. It changes only by the order's events; the
 * handlers check, ask the ledger, and apply.
 */
class OrderLedger {
    private Money total;
    private Money prepaymentDue;
    private Money minimumRemainder;
    /** A cancelled order owes nothing more: its remainder is zero. */
    private boolean cancelled;
    /** Counted towards the total, both channels: received money less what was owed back or refunded unasked. */
    private Money paid = Money.ZERO;
    /** Desk payments by their id: a repeat must say the same, or it is a conflict. */
    private final Map<String, DeskMoney> deskPayments = new HashMap<>();
    private final Map<String, DeskMoney> deskRefunds = new HashMap<>();
    /** Gateway payments recorded, by the gateway's id: the amount the gateway took. */
    private final Map<String, Money> gatewayPayments = new LinkedHashMap<>();
    /** Authorized online and decided to capture, not yet recorded as taken: reserved from the remainder. */
    private final Map<String, Money> pendingCaptures = new LinkedHashMap<>();
    private final Set<String> decidedAuthorizations = new HashSet<>();
    private final Set<String> canceledGatewayPayments = new HashSet<>();
    /** Per gateway payment: what this order asked the gateway to return (or the gateway returned unasked). */
    private final Map<String, Money> gatewayRefundAsked = new HashMap<>();
    /** Per gateway payment: what the gateway returned. */
    private final Map<String, Money> gatewayRefunded = new HashMap<>();
    private final Set<String> gatewayRefundIds = new HashSet<>();
    private final Set<String> failedRefundRequests = new HashSet<>();
    /** Owed back to the guest and not yet returned. */
    private Money refundDue = Money.ZERO;
    /** What the cancellation decided to return of what was paid (nothing until the order is cancelled). */
    private Money refundDecided = Money.ZERO;
    /** The part of {@link #refundDue} staff return at the desk. */
    private Money deskRefundDue = Money.ZERO;
    private boolean refundedAny;
    /** The online payment asked for and not yet authorized, paid or canceled: request id → gateway payment id (null until created). */
    private final Map<String, String> openOnlineRequests = new LinkedHashMap<>();
    private final Set<String> onlineRequestIds = new HashSet<>();

    /** Money taken or returned at the desk, and how. */
    record DeskMoney(Money amount, PaymentMethod method) {
    }

    /** The refund receipt of {@code refunded} of a gateway payment of {@code taken} (null when it was made without one). */
    interface RefundReceipts {
        Receipt of(String paymentId, Money taken, Money refunded);
    }

    Money total() { return total; }
    Money prepaymentDue() { return prepaymentDue; }
    Money minimumRemainder() { return minimumRemainder; }
    Money paid() { return paid; }
    Money refundDue() { return refundDue; }
    Money deskRefundDue() { return deskRefundDue; }
    boolean refundedAny() { return refundedAny; }

    Money remainder() {
        return cancelled ? Money.ZERO : total.minusOrZero(paid);
    }

    /** Authorized online and being captured: not yet paid, but no longer open to pay. */
    Money reserved() {
        return sum(pendingCaptures.values());
    }

    boolean capturing() {
        return !pendingCaptures.isEmpty();
    }

    /** What may still be paid: the remainder less online payments being captured. */
    Money openToPay() {
        return remainder().minusOrZero(reserved());
    }

    /** What may be paid by the gateway payment {@code paymentId}: the open remainder and its own capture. */
    Money openFor(String paymentId) {
        return cancelled ? Money.ZERO : openToPay().plus(pendingCaptures.getOrDefault(paymentId, Money.ZERO));
    }

    /** Whether this gateway payment's authorization was decided already (captured, being captured, or let go). */
    boolean knows(String gatewayPaymentId) {
        return decidedAuthorizations.contains(gatewayPaymentId) || gatewayPayments.containsKey(gatewayPaymentId)
                || canceledGatewayPayments.contains(gatewayPaymentId);
    }

    boolean recorded(String gatewayPaymentId) {
        return gatewayPayments.containsKey(gatewayPaymentId);
    }

    boolean recordedOrCanceled(String gatewayPaymentId) {
        return gatewayPayments.containsKey(gatewayPaymentId) || canceledGatewayPayments.contains(gatewayPaymentId);
    }

    /** What the gateway took by {@code gatewayPaymentId}; null when the order has no such payment. */
    Money gatewayPayment(String gatewayPaymentId) {
        return gatewayPayments.get(gatewayPaymentId);
    }

    Money refundedBy(String gatewayPaymentId) {
        return gatewayRefunded.getOrDefault(gatewayPaymentId, Money.ZERO);
    }

    /** What of the gateway payment the order still keeps: taken less what was asked back or returned. */
    Money keptOf(String gatewayPaymentId) {
        return gatewayPayments.getOrDefault(gatewayPaymentId, Money.ZERO)
                .minusOrZero(max(gatewayRefundAsked.getOrDefault(gatewayPaymentId, Money.ZERO), refundedBy(gatewayPaymentId)));
    }

    boolean knowsRefund(String gatewayRefundId) {
        return gatewayRefundIds.contains(gatewayRefundId);
    }

    boolean knowsFailedRefund(String refundRequestId) {
        return failedRefundRequests.contains(refundRequestId);
    }

    /** Whether the request was made, or another online payment is still open: the open one stands. */
    boolean onlinePaymentAsked(String requestId) {
        return onlineRequestIds.contains(requestId) || !openOnlineRequests.isEmpty();
    }

    /** Whether {@code requestId} is open and not yet given {@code gatewayPaymentId}. */
    boolean awaitsGatewayPayment(String requestId, String gatewayPaymentId) {
        return openOnlineRequests.containsKey(requestId) && !gatewayPaymentId.equals(openOnlineRequests.get(requestId));
    }

    /** A repeat of a desk payment: true when it says the same, a conflict when it does not. */
    boolean repeatsPayment(String id, Money amount, PaymentMethod method) {
        return isRepeat(deskPayments, id, amount, method, "Платёж");
    }

    boolean repeatsRefund(String id, Money amount, PaymentMethod method) {
        return isRepeat(deskRefunds, id, amount, method, "Возврат");
    }

    /** Paid at the desk in cash (or not in cash), less what went back the same way. */
    Money deskNet(boolean cash) {
        return sum(deskPayments.values().stream().filter(money -> (money.method() == PaymentMethod.CASH) == cash)
                .map(DeskMoney::amount).toList())
                .minusOrZero(sum(deskRefunds.values().stream().filter(money -> (money.method() == PaymentMethod.CASH) == cash)
                        .map(DeskMoney::amount).toList()));
    }

    /** What a cancelled order keeps of {@code paidNow}: all but what its cancellation decided to return. */
    Money keptOnCancellation(Money paidNow) {
        return paidNow.minusOrZero(refundDecided);
    }

    /**
     * How {@code refund} goes back: through the gateway first, each gateway payment for what was not asked back yet
     * (with its refund receipt); what is left of it is returned at the desk.
     */
    List<GatewayRefundDue> gatewayRefundsOf(Money refund, RefundReceipts receipts) {
        List<GatewayRefundDue> gatewayRefunds = new ArrayList<>();
        Money left = refund;
        for (Map.Entry<String, Money> payment : gatewayPayments.entrySet()) {
            Money available = payment.getValue().minusOrZero(gatewayRefundAsked.getOrDefault(payment.getKey(), Money.ZERO));
            Money take = min(available, left);
            if (take.isPositive()) {
                gatewayRefunds.add(new GatewayRefundDue(payment.getKey(), take, receipts.of(payment.getKey(), payment.getValue(), take)));
                left = left.minusOrZero(take);
            }
        }
        return gatewayRefunds;
    }

    private static boolean isRepeat(Map<String, DeskMoney> known, String id, Money amount, PaymentMethod method, String what) {
        DeskMoney before = known.get(id);
        if (before == null) {
            return false;
        }
        if (before.amount().equals(amount) && before.method() == method) {
            return true;
        }
        throw new RejectedException(ErrorCode.PAYMENT_ID_CONFLICT, what + " " + id + " уже проведён на "
                + before.amount().toRussianTextWithKopecks() + " (" + before.method().label() + "). Повтор с другими данными не принят.");
    }

    // --- state from events ---

    @EventSourcingHandler
    void on(OrderPlaced event) {
        total = event.total();
        prepaymentDue = event.prepaymentDue();
        minimumRemainder = event.minimumRemainder();
    }

    @EventSourcingHandler
    void on(OnlinePaymentRequested event) {
        onlineRequestIds.add(event.requestId());
        openOnlineRequests.put(event.requestId(), null);
    }

    @EventSourcingHandler
    void on(GatewayPaymentCreated event) {
        openOnlineRequests.put(event.requestId(), event.gatewayPaymentId());
    }

    @EventSourcingHandler
    void on(GatewayPaymentAuthorized event) {
        decidedAuthorizations.add(event.paymentId());
        openOnlineRequests.values().removeIf(event.paymentId()::equals);
        if (event.toCapture().isPositive()) {
            pendingCaptures.put(event.paymentId(), event.toCapture());
        }
    }

    @EventSourcingHandler
    void on(GatewayPaymentCanceled event) {
        canceledGatewayPayments.add(event.gatewayPaymentId());
        pendingCaptures.remove(event.gatewayPaymentId());
        openOnlineRequests.values().removeIf(event.gatewayPaymentId()::equals);
    }

    @EventSourcingHandler
    void on(GatewayPaymentRecorded event) {
        gatewayPayments.put(event.paymentId(), event.amount());
        pendingCaptures.remove(event.paymentId());
        openOnlineRequests.values().removeIf(event.paymentId()::equals);
        if (event.owedBack().isPositive()) {
            gatewayRefundAsked.merge(event.paymentId(), event.owedBack(), Money::plus);
        }
        // counted = amount less owed back (events stored before the 50 ₽ rule held here said paidAfter gross)
        paid = paid.plus(event.amount()).minusOrZero(event.owedBack());
        refundDue = event.refundDueAfter();
    }

    @EventSourcingHandler
    void on(GatewayRefundRecorded event) {
        gatewayRefundIds.add(event.gatewayRefundId());
        Money refunded = gatewayRefunded.merge(event.gatewayPaymentId(), event.amount(), Money::plus);
        if (refunded.isGreaterThan(gatewayRefundAsked.getOrDefault(event.gatewayPaymentId(), Money.ZERO))) {
            gatewayRefundAsked.put(event.gatewayPaymentId(), refunded);
        }
        refundDue = event.refundDueAfter();
        deskRefundDue = min(deskRefundDue, refundDue);
        if (event.paidAfter() != null) {
            paid = event.paidAfter();
        }
        refundedAny = true;
    }

    @EventSourcingHandler
    void on(GatewayRefundFailed event) {
        failedRefundRequests.add(event.refundRequestId());
        Money retried = event.retried() == null ? Money.ZERO : event.retried();
        Money asked = gatewayRefundAsked.getOrDefault(event.paymentId(), Money.ZERO).minusOrZero(event.amount()).plus(retried);
        gatewayRefundAsked.put(event.paymentId(), max(asked, refundedBy(event.paymentId())));
        deskRefundDue = event.deskRefundDueAfter();
    }

    @EventSourcingHandler
    void on(ManagerPaymentRecorded event) {
        deskPayments.put(event.paymentId(), new DeskMoney(event.amount(), event.method()));
        paid = event.paidAfter();
    }

    @EventSourcingHandler
    void on(DeskRefundRecorded event) {
        deskRefunds.put(event.refundId(), new DeskMoney(event.amount(), event.method()));
        refundDue = event.refundDueAfter();
        deskRefundDue = deskRefundDue.minusOrZero(event.amount());
        refundedAny = true;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        // orders cancelled before the decision was recorded returned what was then owed back
        refundDecided = event.refundDecided() != null ? event.refundDecided() : event.refundDue().minusOrZero(refundDue);
        cancelled = true;
        openOnlineRequests.clear();
        refundDue = event.refundDue();
        deskRefundDue = event.deskRefundDue();
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            gatewayRefundAsked.merge(due.paymentId(), due.amount(), Money::plus);
        }
    }

    @EventSourcingHandler
    void on(OrderRescheduled event) {
        total = event.total();
        paid = event.paidAfter();
        refundDue = event.refundDueAfter();
        deskRefundDue = event.deskRefundDueAfter();
        for (GatewayRefundDue due : event.gatewayRefunds()) {
            gatewayRefundAsked.merge(due.paymentId(), due.amount(), Money::plus);
        }
    }
}
