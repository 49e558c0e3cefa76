package com.orderdesk.command.order;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.command.RequestSettlementReceipt;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.event.SettlementReceiptDue;
import com.orderdesk.shared.order.event.VisitorEmailConfirmed;
import com.orderdesk.shared.order.receipt.PaymentMode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptCustomer;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.receipt.Settlement;
import com.orderdesk.shared.order.receipt.SettlementType;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.orderdesk.command.order.MoneyRules.min;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The order's 54-ФЗ receipts: what each online payment and refund carries to the cash register, where each receipt
 * stands, and the settlement receipt once the service is rendered (docs/adr/015).
 */
class OrderReceipts {
    private final Order order;
    private List<OrderLine> lines = List.of();
    private ReceiptCustomer customer;
    /** The receipt data each online payment request carried. */
    private final Map<String, Receipt> requestReceipts = new HashMap<>();
    /** The receipt each gateway payment was created (or captured) with. */
    private final Map<String, Receipt> paymentReceipts = new HashMap<>();
    /** Where each of the order's receipts stands, by its key. */
    private final Map<String, ReceiptStatus> receiptStates = new HashMap<>();
    /** Gateway payments taken in advance whose receipt went to the register: what a settlement receipt settles. */
    private final Set<String> prepaidWithReceipt = new LinkedHashSet<>();
    private boolean settlementDue;

    OrderReceipts(Order order) {
        this.order = order;
    }

    /**
     * What the cash register learns of one of the order's receipts (the payment saga reports the gateway's answers).
     * Recorded when its state changes; a registered receipt stays registered, and no final state goes back to pending.
     */
    @CommandHandler
    long handle(RecordReceipt command, Clock clock) {
        String key = Check.text(command.receiptKey(), "receiptKey", "чек", 200);
        ReceiptStatus state = Check.present(command.status(), "status", "состояние чека");
        ReceiptKind kind = Check.present(command.kind(), "kind", "вид чека");
        ReceiptStatus before = receiptStates.get(key);
        if (before == state || before == ReceiptStatus.SUCCEEDED || before != null && before.isFinal() && !state.isFinal()) {
            return Order.version();
        }
        apply(new ReceiptRecorded(order.orderId(), key, kind, state, command.receiptId(), command.paymentId(), command.refundId(),
                command.amount(), command.receipt(), command.settlements() == null ? List.of() : List.copyOf(command.settlements()),
                Check.optionalText(command.reason(), "reason", "причина", Order.MAX_REASON), command.fiscalDocumentNumber(),
                command.fiscalStorageNumber(), command.fiscalAttribute(), clock.instant()));
        return Order.version();
    }

    /**
     * The service is rendered: if money was taken online in advance with a receipt, the settlement receipt is due —
     * once per order, for what of those prepayments the order keeps (and, if the desk's payments go through the same
     * register, for what was paid at the desk). A cancelled order settles what it keeps of its prepayments (a partial
     * refund by policy or by staff): money kept needs its receipt as much as a service rendered.
     */
    @CommandHandler
    long handle(RequestSettlementReceipt command, Catalog catalog, Clock clock) {
        if (settlementDue || prepaidWithReceipt.isEmpty()) {
            return Order.version();
        }
        OrderLedger ledger = order.ledger();
        Money prepaid = MoneyRules.sum(prepaidWithReceipt.stream().map(ledger::keptOf).toList());
        List<OrderLine> receiptLines = receiptLines(catalog);
        if (!prepaid.isPositive() || receiptLines == null) {
            return Order.version();
        }
        prepaid = min(prepaid, ledger.total());
        List<Settlement> settlements = new ArrayList<>();
        settlements.add(new Settlement(SettlementType.PREPAYMENT, prepaid));
        Money covered = prepaid;
        // desk money counts once it is final: not while some of it is still to be returned at the desk
        if (command.deskPaymentsInRegister() && !(order.status() == OrderStatus.CANCELLED && ledger.deskRefundDue().isPositive())) {
            for (SettlementType type : List.of(SettlementType.CASHLESS, SettlementType.CASH)) {
                Money desk = min(ledger.deskNet(type == SettlementType.CASH), ledger.total().minusOrZero(covered));
                if (desk.isPositive()) {
                    settlements.add(new Settlement(type, desk));
                    covered = covered.plus(desk);
                }
            }
        }
        apply(new SettlementReceiptDue(order.orderId(), "settlement:" + order.orderId(), prepaidWithReceipt.iterator().next(),
                Receipt.of(customer, receiptLines, covered, PaymentMode.FULL_PAYMENT), settlements, clock.instant()));
        return Order.version();
    }

    /**
     * The order's lines with the VAT code each needs on a receipt: as placed, or — for orders placed before receipts —
     * the tariff's in today's catalog; null when there is none (no receipt can be made).
     */
    private List<OrderLine> receiptLines(Catalog catalog) {
        if (lines.stream().allMatch(line -> line.vatCode() != null)) {
            return lines.isEmpty() ? null : lines;
        }
        Catalog.Tariff tariff = catalog == null ? null
                : catalog.service(order.serviceId()).map(s -> s.tariffs().get(order.tariffId())).orElse(null);
        if (tariff == null || tariff.vatCode() == null) {
            return null;
        }
        return lines.stream().map(line -> line.vatCode() != null ? line : line.withVat(tariff.vatCode(), tariff.paymentSubject())).toList();
    }

    /** The receipt of {@code amount} asked for online at {@code at}: prepayment before the rental, payment from its start. */
    Receipt forOnlinePayment(Money amount, Instant at, Catalog catalog) {
        List<OrderLine> receiptLines = receiptLines(catalog);
        Money total = order.ledger().total();
        if (receiptLines == null || customer == null || !amount.isPositive() || amount.isGreaterThan(total)) {
            return null;
        }
        return Receipt.of(customer, receiptLines, amount, PaymentMode.of(at, order.rentalStart(), amount, total));
    }

    /** The receipt of a gateway payment, for {@code amount} of it (null when it was made without one). */
    Receipt forPayment(String paymentId, Money amount) {
        Receipt receipt = paymentReceipts.get(paymentId);
        if (receipt == null || !amount.isPositive() || amount.isGreaterThan(receipt.total())) {
            return null;
        }
        return receipt.scaledTo(amount);
    }

    /** The refund receipt of {@code refunded} of a gateway payment of {@code taken}: the payment's positions and modes. */
    Receipt forRefund(String paymentId, Money taken, Money refunded) {
        Receipt payment = forPayment(paymentId, taken);
        return payment == null || !refunded.isPositive() || refunded.isGreaterThan(taken) ? null : payment.scaledTo(refunded);
    }

    // --- state from events ---

    @EventSourcingHandler
    void on(OrderPlaced event) {
        lines = event.lines() == null ? List.of() : event.lines();
        customer = event.visitor() == null ? null : ReceiptCustomer.of(event.visitor());
        String phone = event.visitor() == null || event.visitor().phone() == null ? null : event.visitor().phone().digits();
        if (event.visitorEmailUnconfirmed() && phone != null) {
            // the receipt goes to the phone until the address is confirmed
            customer = new ReceiptCustomer(customer.fullName(), null, phone);
        }
    }

    @EventSourcingHandler
    void on(OrderRescheduled event) {
        lines = event.lines();
    }

    @EventSourcingHandler
    void on(VisitorEmailConfirmed event) {
        customer = new ReceiptCustomer(customer.fullName(), event.email(), null);
    }

    @EventSourcingHandler
    void on(OnlinePaymentRequested event) {
        if (event.receipt() != null) {
            requestReceipts.put(event.requestId(), event.receipt());
        }
    }

    @EventSourcingHandler
    void on(GatewayPaymentCreated event) {
        Receipt receipt = requestReceipts.get(event.requestId());
        if (receipt != null) {
            paymentReceipts.put(event.gatewayPaymentId(), receipt);
        }
    }

    @EventSourcingHandler
    void on(GatewayPaymentAuthorized event) {
        if (event.receipt() != null) {
            paymentReceipts.put(event.paymentId(), event.receipt());
        }
    }

    @EventSourcingHandler
    void on(ReceiptRecorded event) {
        receiptStates.put(event.receiptKey(), event.status());
        if (event.kind() == ReceiptKind.PAYMENT && event.paymentId() != null && event.receipt() != null
                && event.receipt().mode() != null && event.receipt().mode().isPrepayment()) {
            if (event.status().isFailure()) {
                prepaidWithReceipt.remove(event.paymentId());
            } else {
                prepaidWithReceipt.add(event.paymentId());
            }
        }
    }

    @EventSourcingHandler
    void on(SettlementReceiptDue event) {
        settlementDue = true;
    }
}
