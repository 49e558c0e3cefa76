package com.orderdesk.payment.saga;

import com.orderdesk.payment.gateway.GatewayProperties;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.payment.receipt.ReceiptProperties;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordReceipt;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.receipt.Receipt;
import com.orderdesk.shared.order.receipt.ReceiptKind;
import com.orderdesk.shared.order.receipt.ReceiptStatus;
import com.orderdesk.shared.value.Money;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.orderdesk.payment.ReceiptFixtures.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The payment saga with 54-ФЗ receipts on (ADR 014): what it sends with the money, and that it hands each receipt over by
 * recording it as pending ({@code ReceiptSagaTest}: what happens to it then).
 */
class PaymentSagaReceiptsTest {
    private static final PaymentGateway.GatewayPayment CAPTURED = new PaymentGateway.GatewayPayment("pay-1", "succeeded", true,
            PREPAYMENT, null, Map.of("orderId", ORDER), null);
    private SagaTestFixture<PaymentSaga> fixture;
    private PaymentGateway gateway;

    private void start(ReceiptProperties.SettlementOn settlementOn) {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        gateway = mock(PaymentGateway.class);
        fixture.registerResource(gateway);
        fixture.registerResource(KnownPayments.inMemory());
        // the saga's clock is the fixture's simulated time
        fixture.registerResource(((java.time.InstantSource) fixture::currentTime).withZone(java.time.ZoneOffset.UTC));
        fixture.registerResource(new GatewayProperties("http://gateway", "shop", "secret", "http://shop/my/orders/{orderId}",
                Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMillis(1)));
        fixture.registerResource(new ReceiptProperties(true, 1, settlementOn, false, Duration.ofSeconds(2), Duration.ofMinutes(5), 40));
        when(gateway.createPayment(anyString(), any(), anyString(), anyString(), anyMap(), any()))
                .thenReturn(new PaymentGateway.GatewayPayment("pay-1", "pending", false, PREPAYMENT, "http://gateway/checkout/pay-1",
                        Map.of("orderId", ORDER), null));
    }

    @BeforeEach
    void onCompletion() {
        start(ReceiptProperties.SettlementOn.COMPLETION);
    }

    private static GatewayPaymentCreated created() {
        return new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW);
    }

    private static RecordReceipt pending(Money amount, Receipt receipt) {
        return new RecordReceipt(ORDER, "payment:pay-1", ReceiptKind.PAYMENT, ReceiptStatus.PENDING, null, "pay-1", null, amount,
                receipt, List.of(), null, null, null, null);
    }

    @Test
    void thePaymentIsCreatedWithItsReceipt() {
        fixture.givenAggregate(ORDER).published().whenAggregate(ORDER).publishes(requested()).expectActiveSagas(1);
        verify(gateway).createPayment(anyString(), eq(PREPAYMENT), anyString(), anyString(), anyMap(), eq(PREPAID));
    }

    @Test
    void aCaptureOfLessThanAuthorizedSendsTheReceiptOfWhatIsTakenThenRecordsItAsPending() {
        Money seventy = Money.ofRubles(70);
        Receipt taken = PREPAID.scaledTo(seventy);
        when(gateway.capturePayment("capture-pay-1", "pay-1", seventy, taken)).thenReturn(new PaymentGateway.GatewayPayment("pay-1",
                "succeeded", true, seventy, null, Map.of("orderId", ORDER), null));
        fixture.givenAggregate(ORDER).published(requested(), created())
                .whenAggregate(ORDER).publishes(new GatewayPaymentAuthorized(ORDER, "pay-1", PREPAYMENT, seventy, NOW, taken))
                .expectDispatchedCommands(new RecordGatewayPayment(ORDER, "pay-1", seventy, PaymentMethod.BANK_CARD, null),
                        pending(seventy, taken))
                .expectActiveSagas(1);
    }

    @Test
    void aFullCaptureHandsItsReceiptOverAsPending() {
        when(gateway.capturePayment("capture-pay-1", "pay-1", PREPAYMENT, null)).thenReturn(CAPTURED);
        fixture.givenAggregate(ORDER).published(requested(), created())
                .whenAggregate(ORDER).publishes(new GatewayPaymentAuthorized(ORDER, "pay-1", PREPAYMENT, PREPAYMENT, NOW, PREPAID))
                .expectDispatchedCommands(new RecordGatewayPayment(ORDER, "pay-1", PREPAYMENT, PaymentMethod.BANK_CARD, null),
                        pending(PREPAYMENT, PREPAID));
    }
}
