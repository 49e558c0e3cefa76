package com.orderdesk.payment.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What operators watch of the gateway's notifications (the Grafana dashboard's «Уведомления шлюза»): how many wait,
 * how old the oldest waiting one is, how many the gateway did not confirm; and refunds the gateway refused.
 */
@Component
class InboxMetrics {
    InboxMetrics(ObjectProvider<MeterRegistry> registries, NotificationInbox inbox) {
        MeterRegistry registry = registries.getIfAvailable();
        if (registry == null) {
            return;
        }
        Gauge.builder("orderdesk.inbox.pending", inbox, NotificationInbox::countPending)
                .description("Gateway notifications stored and not processed yet").register(registry);
        Gauge.builder("orderdesk.inbox.oldest.pending.age", inbox, NotificationInbox::oldestPendingAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest gateway notification not processed yet").register(registry);
        Gauge.builder("orderdesk.inbox.rejected", inbox, NotificationInbox::countRejected)
                .description("Notifications the gateway did not confirm (forged, or about another state)").register(registry);
        registry.counter(com.orderdesk.payment.refund.RefundSaga.REFUNDS_FAILED_METRIC);
        registry.counter(com.orderdesk.payment.receipt.WatchedReceipt.RECEIPTS_FAILED_METRIC);
    }
}
