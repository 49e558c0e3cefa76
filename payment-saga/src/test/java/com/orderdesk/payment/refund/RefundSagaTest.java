package com.orderdesk.payment.refund;

import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.command.RecordGatewayRefund;
import com.orderdesk.shared.order.command.RecordGatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.OrderCancelled;
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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The refund saga: what the order owes back of gateway money goes back through the gateway, each request under its own key. */
class RefundSagaTest {
    private static final String ORDER = "0f9a3b0e-0000-4000-8000-000000000001";
    private static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    private static final Actor GATEWAY = Actor.system(Channel.GATEWAY);
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    private static final Money PREPAYMENT = Money.ofRubles(100);

    private SagaTestFixture<RefundSaga> fixture;
    private PaymentGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RefundSaga.class);
        gateway = mock(PaymentGateway.class);
        fixture.registerResource(gateway);
    }

    private static GatewayPaymentRecorded recorded(Money owedBack) {
        return new GatewayPaymentRecorded(ORDER, "pay-1", PREPAYMENT, PaymentMethod.BANK_CARD, GATEWAY, NOW, PREPAYMENT,
                Money.ofRubles(300), owedBack, PaymentStatus.PARTIALLY_PAID, owedBack);
    }

    @Test
    void aGatewayOutageIsRetriedLaterWithTheSameIdempotenceKey() {
        when(gateway.createRefund(anyString(), eq("pay-1"), eq(PREPAYMENT), any()))
                .thenThrow(new PaymentGateway.GatewayUnavailableException("503", null))
                .thenReturn(new PaymentGateway.GatewayRefund("ref-1", "pay-1", "succeeded", PREPAYMENT));
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(recorded(PREPAYMENT))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), RefundSaga.REFUND_RETRY);
        fixture.whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(new RecordGatewayRefund(ORDER, "ref-1", "pay-1", PREPAYMENT))
                .expectActiveSagas(0);
        org.mockito.ArgumentCaptor<String> keys = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(gateway, times(2)).createRefund(keys.capture(), eq("pay-1"), eq(PREPAYMENT), any());
        org.assertj.core.api.Assertions.assertThat(keys.getAllValues()).containsOnly(keys.getAllValues().get(0));
    }

    @Test
    void aCancelledPaidOrderGetsItsGatewayPaymentRefundedAndTheRefundRecordedAtOnce() {
        when(gateway.createRefund(anyString(), eq("pay-1"), eq(PREPAYMENT), any()))
                .thenReturn(new PaymentGateway.GatewayRefund("ref-1", "pay-1", "succeeded", PREPAYMENT));
        OrderCancelled cancelled = new OrderCancelled(ORDER, "Гость передумал", GUEST, NOW, PREPAYMENT, Money.ZERO,
                List.of(new GatewayRefundDue("pay-1", PREPAYMENT)), PaymentStatus.REFUND_PENDING, PREPAYMENT);
        fixture.givenAggregate(ORDER).published(recorded(Money.ZERO))
                .whenAggregate(ORDER).publishes(cancelled)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new RecordGatewayRefund(ORDER, "ref-1", "pay-1", PREPAYMENT))
                .expectActiveSagas(0);
        verify(gateway).createRefund(anyString(), eq("pay-1"), eq(PREPAYMENT), any());
    }

    @Test
    void everyRefundRequestHasAnIdempotenceKeyOfItsOwnEvenForTheSamePaymentAndAmount() {
        Money forty = Money.ofRubles(40);
        when(gateway.createRefund(anyString(), eq("pay-1"), eq(forty), any()))
                .thenReturn(new PaymentGateway.GatewayRefund("ref-1", "pay-1", "pending", forty));
        fixture.givenAggregate(ORDER).published(recorded(forty))
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, "Гость передумал", GUEST, NOW, forty.plus(forty), Money.ZERO,
                        List.of(new GatewayRefundDue("pay-1", forty)), PaymentStatus.REFUND_PENDING, forty));
        org.mockito.ArgumentCaptor<String> keys = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(gateway, times(2)).createRefund(keys.capture(), eq("pay-1"), eq(forty), any());
        org.assertj.core.api.Assertions.assertThat(keys.getAllValues()).doesNotHaveDuplicates()
                .allSatisfy(key -> org.assertj.core.api.Assertions.assertThat(key.length()).isLessThanOrEqualTo(64));
    }

    @Test
    void aRefundTheGatewayRefusesIsRecordedAsFailedNotSwallowed() {
        when(gateway.createRefund(anyString(), eq("pay-1"), eq(PREPAYMENT), any()))
                .thenThrow(new PaymentGateway.GatewayRejectedException(400, "refund exceeds payment"));
        fixture.givenAggregate(ORDER).published(recorded(Money.ZERO))
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, "Гость передумал", GUEST, NOW, PREPAYMENT, Money.ZERO,
                        List.of(new GatewayRefundDue("pay-1", PREPAYMENT)), PaymentStatus.REFUND_PENDING, PREPAYMENT))
                .expectDispatchedCommandsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(RecordGatewayRefundFailed.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void anOverpaymentIsReturnedThroughTheGateway() {
        when(gateway.createRefund(anyString(), eq("pay-1"), eq(Money.ofRubles(40)), any()))
                .thenReturn(new PaymentGateway.GatewayRefund("ref-1", "pay-1", "succeeded", Money.ofRubles(40)));
        fixture.givenAggregate(ORDER).published()
                .whenAggregate(ORDER).publishes(recorded(Money.ofRubles(40)))
                .expectDispatchedCommands(new RecordGatewayRefund(ORDER, "ref-1", "pay-1", Money.ofRubles(40)));
        verify(gateway, never()).createRefund(anyString(), eq("pay-1"), eq(PREPAYMENT), any());
    }
}
