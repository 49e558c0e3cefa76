package com.orderdesk.payment.receipt;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.command.RequestSettlementReceipt;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.receipt.PaymentMode;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptCustomer;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.Role;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.orderdesk.shared.order.event.ReceiptRecorded;

/**
 * The receipt saga (ADR 014, issue 29): a receipt handed over (recorded as pending) is asked about until the register
 * answers; a prepayment's settlement at completion or at the rental's start, at once for a cancelled order; the refund
 * receipt of a refund made in the gateway's dashboard.
 */
class ReceiptSagaTest {
    private static final String ORDER = "0f9a3b0e-0000-4000-8000-000000000001";
    private static final String REQUEST = ORDER + ":prepayment";
    private static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    private static final Instant RENTAL_START = Instant.parse("2030-08-03T11:00:00Z");
    private static final Money PREPAYMENT = Money.ofRubles(100);
    private static final Receipt PREPAID = Receipt.of(ReceiptCustomer.of(new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"))),
            List.of(new OrderLine("Коворкинг на 2 этаже, тариф «Стандарт»", 4, Money.ofRubles(100), Money.ofRubles(400), 11, "service")),
            PREPAYMENT, PaymentMode.PARTIAL_PREPAYMENT);
    private static final PaymentGateway.GatewayReceipt REGISTERED = new PaymentGateway.GatewayReceipt("rc-1", "payment", "pay-1", null,
            "succeeded", false, PREPAYMENT, "1001", "9289", "42");
    private static final RecordReceipt SUCCEEDED = new RecordReceipt(ORDER, "payment:pay-1", ReceiptKind.PAYMENT, ReceiptStatus.SUCCEEDED,
            "rc-1", "pay-1", null, PREPAYMENT, PREPAID, List.of(), null, "1001", "9289", "42");
    private SagaTestFixture<ReceiptSaga> fixture;
    private PaymentGateway gateway;

    private void start(ReceiptProperties.SettlementOn settlementOn) {
        fixture = new SagaTestFixture<>(ReceiptSaga.class);
        gateway = mock(PaymentGateway.class);
        fixture.registerResource(gateway);
        // the saga's clock is the fixture's simulated time
        fixture.registerResource(((java.time.InstantSource) fixture::currentTime).withZone(java.time.ZoneOffset.UTC));
        fixture.registerResource(new ReceiptProperties(true, 1, settlementOn, false, Duration.ofSeconds(2), Duration.ofMinutes(5), 40));
        when(gateway.receiptsOfPayment("pay-1")).thenReturn(List.of(REGISTERED));
    }

    @BeforeEach
    void onCompletion() {
        start(ReceiptProperties.SettlementOn.COMPLETION);
    }

    private static OnlinePaymentRequested requested() {
        return new OnlinePaymentRequested(ORDER, "1006313", REQUEST, PREPAYMENT, "Заказ 1006313: предоплата", true, GUEST, NOW,
                PREPAID, RENTAL_START);
    }

    /** What the payment saga records when the gateway took the payment with its receipt. */
    private static ReceiptRecorded handedOver() {
        return new ReceiptRecorded(ORDER, "payment:pay-1", ReceiptKind.PAYMENT, ReceiptStatus.PENDING, null, "pay-1", null, PREPAYMENT,
                PREPAID, List.of(), null, null, null, null, NOW);
    }

    @Test
    void aReceiptHandedOverIsAskedAboutUntilTheRegisterAnswersAndThenRecorded() {
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(handedOver())
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), ReceiptSaga.RECEIPT_POLL)
                .expectActiveSagas(1);
        start(ReceiptProperties.SettlementOn.COMPLETION);
        fixture.givenAggregate(ORDER).published(handedOver())
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(SUCCEEDED);
    }

    @Test
    void aReceiptRecordedAsFinalNeedsNoWatching() {
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(new ReceiptRecorded(ORDER, "request:" + REQUEST, ReceiptKind.PAYMENT, ReceiptStatus.FAILED,
                        null, null, null, PREPAYMENT, PREPAID, List.of(), "refused", null, null, null, NOW))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void atCompletionThePrepaymentIsSettled() {
        fixture.givenAggregate(ORDER).published(requested(), handedOver())
                .whenAggregate(ORDER).publishes(new com.orderdesk.shared.order.event.OrderCompleted(ORDER, GUEST, NOW))
                .expectDispatchedCommands(new RequestSettlementReceipt(ORDER, false));
    }

    @Test
    void withSettlementAtTheRentalsStartThePrepaymentIsSettledThen() {
        start(ReceiptProperties.SettlementOn.RENTAL_START);
        fixture.givenCurrentTime(NOW).andThenAggregate(ORDER).published(requested())
                .whenAggregate(ORDER).publishes(handedOver())
                .expectScheduledDeadlineWithName(Duration.between(NOW, RENTAL_START), ReceiptSaga.SETTLEMENT_DUE);
        start(ReceiptProperties.SettlementOn.RENTAL_START);
        fixture.givenCurrentTime(NOW).andThenAggregate(ORDER).published(requested(), handedOver())
                .whenTimeAdvancesTo(RENTAL_START.plusSeconds(1))
                .expectDispatchedCommands(SUCCEEDED, new RequestSettlementReceipt(ORDER, false));
    }

    @Test
    void whatACancelledOrderKeepsIsSettledAtOnceNotAtTheRentalsStart() {
        start(ReceiptProperties.SettlementOn.RENTAL_START);
        fixture.givenCurrentTime(NOW).andThenAggregate(ORDER).published(requested(), handedOver())
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, "Отмена", GUEST, NOW, Money.ZERO, Money.ZERO, List.of(),
                        PaymentStatus.PARTIALLY_PAID, Money.ZERO))
                // the order decides how much it keeps (here: everything) and answers with SettlementReceiptDue
                .expectDispatchedCommands(new RequestSettlementReceipt(ORDER, false))
                .expectNoScheduledDeadlineWithName(Duration.between(NOW, RENTAL_START), ReceiptSaga.SETTLEMENT_DUE);
    }

    @Test
    void aRefundMadeInTheGatewaysDashboardGetsItsRefundReceipt() {
        Money thirty = Money.ofRubles(30);
        Receipt refundReceipt = PREPAID.scaledTo(thirty);
        when(gateway.receiptsOfRefund("dash-1")).thenReturn(List.of());
        when(gateway.createRefundReceipt(anyString(), eq("dash-1"), eq("pay-1"), eq(refundReceipt))).thenReturn(
                new PaymentGateway.GatewayReceipt("rc-dash", "refund", "pay-1", "dash-1", "pending", false, thirty, null, null, null));
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(new com.orderdesk.shared.order.event.GatewayRefundRecorded(ORDER, "dash-1", "pay-1", thirty,
                        NOW, Money.ZERO, PaymentStatus.PARTIALLY_PAID, Money.ofRubles(70), Money.ofRubles(330), thirty, refundReceipt))
                .expectDispatchedCommands(new RecordReceipt(ORDER, "refund:dash-1", ReceiptKind.REFUND, ReceiptStatus.PENDING, "rc-dash",
                        "pay-1", "dash-1", thirty, refundReceipt, List.of(), null, null, null, null))
                .expectActiveSagas(1);
        verify(gateway).createRefundReceipt(anyString(), eq("dash-1"), eq("pay-1"), eq(refundReceipt));
    }
}
