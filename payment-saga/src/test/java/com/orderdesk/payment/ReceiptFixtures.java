package com.orderdesk.payment;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.receipt.PaymentMode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptCustomer;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.Role;

import java.time.Instant;
import java.util.List;

/** One guest's online prepayment with its 54-ФЗ receipt, as the payment and receipt sagas' tests meet it. */
public final class ReceiptFixtures {
    public static final String ORDER = "0f9a3b0e-0000-4000-8000-000000000001";
    public static final String REQUEST = ORDER + ":prepayment";
    public static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    public static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    public static final Instant RENTAL_START = Instant.parse("2030-08-03T11:00:00Z");
    public static final Money PREPAYMENT = Money.ofRubles(100);
    public static final Receipt PREPAID = Receipt.of(ReceiptCustomer.of(new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"))),
            List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", 4, Money.ofRubles(100), Money.ofRubles(400), 11, "service")),
            PREPAYMENT, PaymentMode.PARTIAL_PREPAYMENT);
    /** The register's answer: the payment's receipt registered. */
    public static final PaymentGateway.GatewayReceipt REGISTERED = new PaymentGateway.GatewayReceipt("rc-1", "payment", "pay-1", null,
            "succeeded", false, PREPAYMENT, "1001", "9289", "42");
    /** What a saga records of {@link #REGISTERED}. */
    public static final RecordReceipt SUCCEEDED = new RecordReceipt(ORDER, "payment:pay-1", ReceiptKind.PAYMENT, ReceiptStatus.SUCCEEDED,
            "rc-1", "pay-1", null, PREPAYMENT, PREPAID, List.of(), null, "1001", "9289", "42");

    private ReceiptFixtures() {
    }

    /** The guest asks to prepay online, the request carrying its receipt. */
    public static OnlinePaymentRequested requested() {
        return new OnlinePaymentRequested(ORDER, "1006313", REQUEST, PREPAYMENT, "Заказ 1006313: предоплата", true, GUEST, NOW,
                PREPAID, RENTAL_START);
    }
}
