package com.orderdesk.payment.saga;

import com.orderdesk.payment.gateway.GatewayProperties;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordGatewayPaymentAuthorized;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCanceled;
import com.orderdesk.shared.order.command.RecordGatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Role;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The payment saga's paths: success, decline, timeout, retry — given events, expect commands and deadlines ({@code RefundSagaTest}: refunds). */
class PaymentSagaTest {
    private static final String ORDER = "0f9a3b0e-0000-4000-8000-000000000001";
    private static final String REQUEST = ORDER + ":prepayment";
    private static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    private static final Actor GATEWAY = Actor.system(Channel.GATEWAY);
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    private static final Money PREPAYMENT = Money.ofRubles(100);

    private SagaTestFixture<PaymentSaga> fixture;
    private PaymentGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        gateway = mock(PaymentGateway.class);
        fixture.registerResource(gateway);
        fixture.registerResource(KnownPayments.inMemory());
        // the saga's clock is the fixture's simulated time
        fixture.registerResource(((java.time.InstantSource) fixture::currentTime).withZone(java.time.ZoneOffset.UTC));
        fixture.registerResource(new GatewayProperties("http://gateway", "shop", "secret", "http://shop/my/orders/{orderId}",
                Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMillis(1)));
        when(gateway.createPayment(anyString(), any(), anyString(), anyString(), anyMap(), any()))
                .thenReturn(payment("pay-1", "pending"));
    }

    private static GatewayProperties timeout(Duration paymentTimeout) {
        return new GatewayProperties("http://gateway", "shop", "secret", null, paymentTimeout, Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                Duration.ofMillis(1));
    }

    private static PaymentGateway.GatewayPayment payment(String id, String status) {
        return new PaymentGateway.GatewayPayment(id, status, false, PREPAYMENT, "http://gateway/checkout/" + id, Map.of("orderId", ORDER), null);
    }

    private static OnlinePaymentRequested requested() {
        return new OnlinePaymentRequested(ORDER, "1006313", REQUEST, PREPAYMENT, "Заказ 1006313: предоплата", true, GUEST, NOW);
    }

    private static GatewayPaymentRecorded recorded(Money owedBack) {
        return new GatewayPaymentRecorded(ORDER, "pay-1", PREPAYMENT, PaymentMethod.BANK_CARD, GATEWAY, NOW, PREPAYMENT,
                Money.ofRubles(300), owedBack, PaymentStatus.PARTIALLY_PAID, owedBack);
    }

    @Test
    void aRequestAsksTheGatewayRecordsThePaymentPageAndStartsTheDeadline() {
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(requested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordGatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1"))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), PaymentSaga.PAYMENT_DEADLINE);
        verify(gateway).createPayment(eq(PaymentGateway.paymentKey(ORDER, REQUEST)), eq(PREPAYMENT), eq("Заказ 1006313: предоплата"),
                eq("http://shop/my/orders/" + ORDER), eq(Map.of("orderId", ORDER, "requestId", REQUEST)), any());
    }

    @Test
    void successEndsTheDeadlineAndTheSaga() {
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW))
                .whenAggregate(ORDER).publishes(recorded(Money.ZERO))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW), recorded(Money.ZERO))
                .whenAggregate(ORDER).publishes(new OrderConfirmed(ORDER, GATEWAY, NOW))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aDeclineKeepsTheOrderWaitingUntilItsDeadline() {
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW))
                .whenAggregate(ORDER).publishes(new GatewayPaymentCanceled(ORDER, "pay-1", "Отказ плательщика", NOW))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), PaymentSaga.PAYMENT_DEADLINE);
    }

    @Test
    void whenTheDeadlinePassesUnpaidTheOrderIsExpired() {
        when(gateway.getPayment("pay-1")).thenReturn(payment("pay-1", "pending"));
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW))
                .whenTimeElapses(Duration.ofMinutes(15).plusSeconds(1))
                .expectDeadlinesMet(new PaymentSaga.PaymentDeadline(ORDER, REQUEST))
                .expectDispatchedCommands(new ExpireOnlinePayment(ORDER, REQUEST));
    }

    @Test
    void atTheDeadlineAPaymentWhoseNotificationWasLostIsRecordedFirst() {
        when(gateway.getPayment("pay-1")).thenReturn(new PaymentGateway.GatewayPayment("pay-1", "succeeded", true, PREPAYMENT, null,
                Map.of("orderId", ORDER), null));
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW))
                .whenTimeElapses(Duration.ofMinutes(15).plusSeconds(1))
                .expectDispatchedCommands(new RecordGatewayPayment(ORDER, "pay-1", PREPAYMENT, PaymentMethod.BANK_CARD, null),
                        new ExpireOnlinePayment(ORDER, REQUEST));
    }

    @Test
    void atTheDeadlineAnAuthorizedPaymentIsRecordedForCaptureNotCancelled() {
        when(gateway.getPayment("pay-1")).thenReturn(new PaymentGateway.GatewayPayment("pay-1", "waiting_for_capture", true, PREPAYMENT,
                null, Map.of("orderId", ORDER), null));
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW))
                .whenTimeElapses(Duration.ofMinutes(15).plusSeconds(1))
                .expectDispatchedCommands(new RecordGatewayPaymentAuthorized(ORDER, "pay-1", PREPAYMENT),
                        new ExpireOnlinePayment(ORDER, REQUEST));
    }

    @Test
    void anAuthorizedPaymentIsCapturedForExactlyWhatTheOrderDecidedAndRecordedAtOnce() {
        Money seventy = Money.ofRubles(70);
        when(gateway.capturePayment("capture-pay-1", "pay-1", seventy, null)).thenReturn(new PaymentGateway.GatewayPayment("pay-1",
                "succeeded", true, seventy, null, Map.of("orderId", ORDER), null));
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW))
                .whenAggregate(ORDER).publishes(new GatewayPaymentAuthorized(ORDER, "pay-1", PREPAYMENT, seventy, NOW))
                .expectDispatchedCommands(new RecordGatewayPayment(ORDER, "pay-1", seventy, PaymentMethod.BANK_CARD, null));
    }

    @Test
    void anAuthorizationNothingIsOwedForIsReleased() {
        when(gateway.cancelPayment("cancel-pay-1", "pay-1")).thenReturn(new PaymentGateway.GatewayPayment("pay-1",
                "canceled", false, PREPAYMENT, null, Map.of("orderId", ORDER), "canceled_by_merchant"));
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(new GatewayPaymentAuthorized(ORDER, "pay-1", PREPAYMENT, Money.ZERO, NOW))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RecordGatewayPaymentCanceled(ORDER, "pay-1", "canceled_by_merchant"));
        verify(gateway, never()).capturePayment(anyString(), anyString(), any(), any());
    }

    @Test
    void aCancellationWhileACaptureIsOutstandingReleasesItInstead() {
        Money seventy = Money.ofRubles(70);
        when(gateway.capturePayment(anyString(), anyString(), any(), any())).thenThrow(new PaymentGateway.GatewayUnavailableException("503", null));
        when(gateway.cancelPayment("cancel-pay-1", "pay-1")).thenReturn(new PaymentGateway.GatewayPayment("pay-1",
                "canceled", false, PREPAYMENT, null, Map.of("orderId", ORDER), "canceled_by_merchant"));
        fixture.givenAggregate(ORDER).published(requested(),
                        new GatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1", NOW),
                        new GatewayPaymentAuthorized(ORDER, "pay-1", PREPAYMENT, seventy, NOW))
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, "Гость передумал", GUEST, NOW, Money.ZERO, Money.ZERO,
                        List.of(), PaymentStatus.UNPAID, Money.ZERO))
                .expectDispatchedCommands(new RecordGatewayPaymentCanceled(ORDER, "pay-1", "canceled_by_merchant"));
    }

    @Test
    void aGatewayOutageIsRetriedLaterWithTheSameIdempotenceKey() {
        when(gateway.createPayment(anyString(), any(), anyString(), anyString(), anyMap(), any()))
                .thenThrow(new PaymentGateway.GatewayUnavailableException("503", null))
                .thenReturn(payment("pay-1", "pending"));
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(requested())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), PaymentSaga.GATEWAY_RETRY);
        fixture.whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(new RecordGatewayPaymentCreated(ORDER, REQUEST, "pay-1", "http://gateway/checkout/pay-1"));
        verify(gateway, times(2)).createPayment(eq(PaymentGateway.paymentKey(ORDER, REQUEST)), eq(PREPAYMENT), anyString(), anyString(), anyMap(), any());
    }

    @Test
    void theDeadlinesCauseSaysTheTimeoutInWords() {
        org.assertj.core.api.Assertions.assertThat(timeout(java.time.Duration.ofMinutes(15)).paymentTimeoutInWords()).isEqualTo("15 мин.");
        org.assertj.core.api.Assertions.assertThat(timeout(java.time.Duration.ofSeconds(20)).paymentTimeoutInWords()).isEqualTo("20 с");
        org.assertj.core.api.Assertions.assertThat(timeout(java.time.Duration.ofSeconds(90)).paymentTimeoutInWords()).isEqualTo("90 с");
    }
}
