package com.orderdesk.payment.receipt;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.command.RequestSettlementReceipt;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.ReceiptRecorded;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Money;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.orderdesk.payment.ReceiptFixtures.*;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;


/**
 * The receipt saga (ADR 014, issue 29): a receipt handed over (recorded as pending) is asked about until the register
 * answers; a prepayment's settlement at completion or at the rental's start, at once for a cancelled order; the refund
 * receipt of a refund made in the gateway's dashboard.
 */
class ReceiptSagaTest {
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
    void aNoShowsKeptPrepaymentIsSettledAtOnce() {
        fixture.givenAggregate(ORDER).published(requested(), handedOver())
                .whenAggregate(ORDER).publishes(new com.orderdesk.shared.order.event.OrderMarkedNoShow(ORDER,
                        com.orderdesk.shared.value.Actor.system(com.orderdesk.shared.value.Channel.DEADLINE), NOW))
                .expectDispatchedCommands(new RequestSettlementReceipt(ORDER, false));
    }

    @Test
    void withSettlementAtTheRentalsStartAMoveMovesTheSettlement() {
        start(ReceiptProperties.SettlementOn.RENTAL_START);
        java.time.Instant later = RENTAL_START.plus(Duration.ofDays(2));
        com.orderdesk.shared.value.RentalPeriod from = new com.orderdesk.shared.value.RentalPeriod(RENTAL_START, RENTAL_START.plus(Duration.ofHours(4)));
        com.orderdesk.shared.value.RentalPeriod to = new com.orderdesk.shared.value.RentalPeriod(later, later.plus(Duration.ofHours(4)));
        fixture.givenCurrentTime(NOW).andThenAggregate(ORDER).published(requested(), handedOver())
                .whenAggregate(ORDER).publishes(new com.orderdesk.shared.order.event.OrderRescheduled(ORDER, from, to, "Asia/Yekaterinburg",
                        null, GUEST, NOW, List.of(), Money.ofRubles(400), Money.ofRubles(400), Money.ofRubles(100), Money.ofRubles(300),
                        Money.ZERO, Money.ZERO, Money.ZERO, List.of(), PaymentStatus.PARTIALLY_PAID, java.time.LocalDate.of(2030, 1, 1)))
                .expectScheduledDeadlineWithName(Duration.between(NOW, later), ReceiptSaga.SETTLEMENT_DUE)
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
