package com.orderdesk.app.payments;

import com.orderdesk.payment.saga.PaymentSaga;
import com.orderdesk.shared.order.event.ExecutorAssigned;
import com.orderdesk.shared.order.event.GatewayPaymentCreated;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.MessagePosted;
import com.orderdesk.shared.order.event.OnlinePaymentRequested;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentSagaSourceTest {
    private final Predicate<Class<?>> wakesFor = PaymentSagaSource.handledBy(PaymentSaga.class);

    @Test
    void theSagaIsWokenForWhatItHandles() {
        assertThat(wakesFor).accepts(OnlinePaymentRequested.class, GatewayPaymentCreated.class,
                GatewayPaymentRecorded.class, OrderCancelled.class);
    }

    @Test
    void notForTheDesksPaymentsAndMessagesNorForItsOwnDeadlines() {
        assertThat(wakesFor).rejects(ManagerPaymentRecorded.class, MessagePosted.class, ExecutorAssigned.class,
                OrderPlaced.class, Object.class, String.class);
    }
}
