package com.orderdesk.app.model;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.value.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YooKassa-shaped gateway in memory for the money model: two-stage payments, partial capture, release, refunds
 * that never exceed the payment, idempotence keys, outages on request, and the notifications it would send. Like
 * YooKassa with 54-ФЗ receipts on, it holds every receipt and notes each one whose sums are not the money it goes with
 * ({@link #receiptViolations}).
 */
final class FakeGateway implements PaymentGateway {
    static final class Payment {
        final String id;
        final Map<String, String> metadata;
        String status = "pending";
        Money authorized;
        Money captured = Money.ZERO;
        Receipt receipt;

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
    /** Receipts whose sums are not the money they go with, or money that went without the receipt it needed. */
    final List<String> receiptViolations = new ArrayList<>();
    /** Settlement receipts made, by the payment they settle. */
    final Map<String, Receipt> settlementReceipts = new LinkedHashMap<>();
    /** Refund receipts, by refund id. */
    final Map<String, Receipt> refundReceipts = new LinkedHashMap<>();

    private void requireSum(Receipt receipt, Money amount, String what) {
        if (receipt != null && !receipt.total().equals(amount)) {
            receiptViolations.add(what + ": receipt of " + receipt.total() + " for " + amount);
        }
    }

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
                                        Map<String, String> metadata, Receipt receipt) {
        call();
        String known = keys.get("create:" + idempotenceKey);
        if (known != null) {
            return payments.get(known).view();
        }
        requireSum(receipt, amount, "create payment " + (ids + 1));
        Payment payment = new Payment("pay-" + (++ids), amount, Map.copyOf(metadata));
        payment.receipt = receipt;
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
    public GatewayPayment capturePayment(String idempotenceKey, String paymentId, Money amount, Receipt receipt) {
        call();
        Payment payment = payments.get(paymentId);
        if (payment != null && paymentId.equals(keys.get("capture:" + idempotenceKey))) {
            return payment.view();
        }
        if (payment == null || !payment.status.equals("waiting_for_capture") || !amount.isPositive()
                || amount.isGreaterThan(payment.authorized)) {
            throw new GatewayRejectedException(400, "cannot capture");
        }
        if (payment.receipt != null) {
            if (receipt == null && !amount.equals(payment.authorized)) {
                receiptViolations.add("capture of " + amount + " of " + paymentId + " (authorized " + payment.authorized
                        + ") without the receipt of what is taken");
            }
            requireSum(receipt, amount, "capture " + paymentId);
            payment.receipt = receipt != null ? receipt : payment.receipt;
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
    public GatewayRefund createRefund(String idempotenceKey, String paymentId, Money amount, Receipt receipt) {
        call();
        String known = keys.get("refund:" + idempotenceKey);
        if (known != null) {
            return refunds.get(known).view();
        }
        Payment payment = payments.get(paymentId);
        if (payment != null && payment.receipt != null && receipt == null) {
            receiptViolations.add("refund of " + amount + " of " + paymentId + " without a refund receipt");
        }
        requireSum(receipt, amount, "refund of " + paymentId);
        Refund made = refund(paymentId, amount, true, idempotenceKey);
        if (receipt != null) {
            refundReceipts.put(made.id(), receipt);
        }
        return made.view();
    }

    @Override
    public GatewayReceipt createRefundReceipt(String idempotenceKey, String refundId, String paymentId, Receipt receipt) {
        call();
        String known = keys.get("receipt:" + idempotenceKey);
        if (known != null) {
            return refundReceiptOf(known);
        }
        keys.put("receipt:" + idempotenceKey, refundId);
        refundReceipts.put(refundId, receipt);
        return refundReceiptOf(refundId);
    }

    private GatewayReceipt refundReceiptOf(String refundId) {
        return new GatewayReceipt("receipt-" + refundId, "refund", null, refundId, "succeeded", false, null, null, null, null);
    }

    @Override
    public GatewayReceipt createSettlementReceipt(String idempotenceKey, String paymentId, Receipt receipt, List<Settlement> settlements) {
        call();
        String known = keys.get("receipt:" + idempotenceKey);
        if (known != null) {
            return settled(known);
        }
        if (settlementReceipts.containsKey(paymentId)) {
            receiptViolations.add("a second settlement receipt for " + paymentId);
        }
        requireSum(receipt, settlements.stream().map(Settlement::amount).reduce(Money.ZERO, Money::plus), "settlement of " + paymentId);
        settlementReceipts.put(paymentId, receipt);
        keys.put("receipt:" + idempotenceKey, paymentId);
        return settled(paymentId);
    }

    private GatewayReceipt settled(String paymentId) {
        return new GatewayReceipt("settlement-" + paymentId, "payment", paymentId, null, "succeeded", true,
                settlementReceipts.get(paymentId).total(), "1", "9289000100408074", "1");
    }

    /** Registered at once: the payment's receipt once its money is taken, and its settlement receipt. */
    @Override
    public List<GatewayReceipt> receiptsOfPayment(String paymentId) {
        call();
        List<GatewayReceipt> found = new ArrayList<>();
        Payment payment = payments.get(paymentId);
        if (payment != null && payment.receipt != null && payment.status.equals("succeeded")) {
            found.add(new GatewayReceipt("receipt-" + paymentId, "payment", paymentId, null, "succeeded", false,
                    payment.receipt.total(), "1", "9289000100408074", "1"));
        }
        if (settlementReceipts.containsKey(paymentId)) {
            found.add(settled(paymentId));
        }
        return found;
    }

    @Override
    public List<GatewayReceipt> receiptsOfRefund(String refundId) {
        call();
        Receipt receipt = refundReceipts.get(refundId);
        return receipt == null ? List.of() : List.of(new GatewayReceipt("receipt-" + refundId, "refund",
                refunds.get(refundId).paymentId(), refundId, "succeeded", false, receipt.total(), "1", "9289000100408074", "1"));
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
