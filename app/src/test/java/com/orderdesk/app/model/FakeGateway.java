package com.orderdesk.app.model;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.value.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YooKassa-shaped gateway in memory for the money model: two-stage payments, partial capture, release, refunds
 * that never exceed the payment, idempotence keys, outages on request, and the notifications it would send.
 */
final class FakeGateway implements PaymentGateway {
    static final class Payment {
        final String id;
        final Map<String, String> metadata;
        String status = "pending";
        Money authorized;
        Money captured = Money.ZERO;

        Payment(String id, Money amount, Map<String, String> metadata) {
            this.id = id;
            this.authorized = amount;
            this.metadata = metadata;
        }

        GatewayPayment view() {
            boolean paid = status.equals("succeeded") || status.equals("waiting_for_capture");
            Money amount = status.equals("succeeded") ? captured : authorized;
            return new GatewayPayment(id, status, paid, amount, "https://gateway/checkout/" + id, metadata,
                    status.equals("canceled") ? "canceled" : null);
        }
    }

    record Refund(String id, String paymentId, Money amount, boolean askedByShop) {
        GatewayRefund view() {
            return new GatewayRefund(id, paymentId, "succeeded", amount);
        }
    }

    record Notification(String event, String objectId) {
    }

    final Map<String, Payment> payments = new LinkedHashMap<>();
    final Map<String, Refund> refunds = new LinkedHashMap<>();
    final List<Notification> outbox = new ArrayList<>();
    private final Map<String, String> keys = new HashMap<>();
    private int outage;
    private int ids;

    void outage(int calls) {
        outage = calls;
    }

    private void call() {
        if (outage > 0) {
            outage--;
            throw new GatewayUnavailableException("simulated outage", null);
        }
    }

    @Override
    public GatewayPayment createPayment(String idempotenceKey, Money amount, String description, String returnUrl,
                                        Map<String, String> metadata) {
        call();
        String known = keys.get("create:" + idempotenceKey);
        if (known != null) {
            return payments.get(known).view();
        }
        Payment payment = new Payment("pay-" + (++ids), amount, Map.copyOf(metadata));
        payments.put(payment.id, payment);
        keys.put("create:" + idempotenceKey, payment.id);
        return payment.view();
    }

    @Override
    public GatewayPayment getPayment(String paymentId) {
        call();
        Payment payment = payments.get(paymentId);
        if (payment == null) {
            throw new GatewayRejectedException(404, "not found");
        }
        return payment.view();
    }

    @Override
    public GatewayPayment capturePayment(String idempotenceKey, String paymentId, Money amount) {
        call();
        Payment payment = payments.get(paymentId);
        if (payment != null && paymentId.equals(keys.get("capture:" + idempotenceKey))) {
            return payment.view();
        }
        if (payment == null || !payment.status.equals("waiting_for_capture") || !amount.isPositive()
                || amount.isGreaterThan(payment.authorized)) {
            throw new GatewayRejectedException(400, "cannot capture");
        }
        payment.status = "succeeded";
        payment.captured = amount;
        keys.put("capture:" + idempotenceKey, paymentId);
        outbox.add(new Notification("payment.succeeded", paymentId));
        return payment.view();
    }

    @Override
    public GatewayPayment cancelPayment(String idempotenceKey, String paymentId) {
        call();
        Payment payment = payments.get(paymentId);
        if (payment != null && paymentId.equals(keys.get("cancel:" + idempotenceKey))) {
            return payment.view();
        }
        if (payment == null || !payment.status.equals("waiting_for_capture")) {
            throw new GatewayRejectedException(400, "cannot cancel");
        }
        payment.status = "canceled";
        keys.put("cancel:" + idempotenceKey, paymentId);
        outbox.add(new Notification("payment.canceled", paymentId));
        return payment.view();
    }

    @Override
    public GatewayRefund createRefund(String idempotenceKey, String paymentId, Money amount) {
        call();
        String known = keys.get("refund:" + idempotenceKey);
        if (known != null) {
            return refunds.get(known).view();
        }
        return refund(paymentId, amount, true, idempotenceKey).view();
    }

    @Override
    public GatewayRefund getRefund(String refundId) {
        call();
        Refund refund = refunds.get(refundId);
        if (refund == null) {
            throw new GatewayRejectedException(404, "not found");
        }
        return refund.view();
    }

    @Override
    public List<GatewayRefund> refundsOf(String paymentId) {
        call();
        return refunds.values().stream().filter(r -> r.paymentId().equals(paymentId)).map(Refund::view).toList();
    }

    // --- what the guest and the gateway's own dashboard do ---

    /** The guest pays on the gateway's page: the payment waits for capture. */
    boolean authorize(String paymentId) {
        Payment payment = payments.get(paymentId);
        if (payment == null || !payment.status.equals("pending")) {
            return false;
        }
        payment.status = "waiting_for_capture";
        outbox.add(new Notification("payment.waiting_for_capture", paymentId));
        return true;
    }

    boolean decline(String paymentId) {
        Payment payment = payments.get(paymentId);
        if (payment == null || !payment.status.equals("pending")) {
            return false;
        }
        payment.status = "canceled";
        outbox.add(new Notification("payment.canceled", paymentId));
        return true;
    }

    /** Someone returns money in the gateway's dashboard, unasked by the shop. */
    Refund dashboardRefund(String paymentId, Money amount) {
        return refund(paymentId, amount, false, null);
    }

    Money refundedOf(String paymentId) {
        return refunds.values().stream().filter(r -> r.paymentId().equals(paymentId)).map(Refund::amount).reduce(Money.ZERO, Money::plus);
    }

    private Refund refund(String paymentId, Money amount, boolean askedByShop, String key) {
        Payment payment = payments.get(paymentId);
        if (payment == null || !payment.status.equals("succeeded") || !amount.isPositive()
                || refundedOf(paymentId).plus(amount).isGreaterThan(payment.captured)) {
            throw new GatewayRejectedException(400, "refund exceeds the payment");
        }
        Refund refund = new Refund("ref-" + (++ids), paymentId, amount, askedByShop);
        refunds.put(refund.id(), refund);
        if (key != null) {
            keys.put("refund:" + key, refund.id());
        }
        outbox.add(new Notification("refund.succeeded", refund.id()));
        return refund;
    }
}
