package com.orderdesk.query.cash;

import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.readmodel.ReadModelRegistration;
import com.orderdesk.query.readmodel.OrderReadModel;
import com.orderdesk.query.readmodel.ProjectionNames;
import com.orderdesk.query.readmodel.ReadModelPath;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentSource;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderEvent;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The cash book: every payment and refund of every order, on the day (in the service's zone) it happened, for the
 * daily cash report. Like the timeline (docs/adr/011), lines are independent rows ({@code orderId:sequence}); each
 * money line copies the order's number and service from the order's header line. Inline, a line whose header is not
 * there yet (a replay has not reached the order) is left to the catch-up processor, which writes what is missing.
 */
@ProcessingGroup(ProjectionNames.CASH_BOOK)
class CashBookProjection extends OrderReadModel {
    private final CashEntryRepository entries;

    CashBookProjection(CashEntryRepository entries, ReadModelPath path, AppliedInline appliedInline) {
        super(path, appliedInline);
        this.entries = entries;
    }

    /** The cash book's read model (docs/adr/011). */
    @Configuration
    static class Registration {
        @Bean
        ReadModelRegistration cashBookReadModel(CashEntryRepository entries, AppliedInline appliedInline) {
            return new ReadModelRegistration(path -> new CashBookProjection(entries, path, appliedInline));
        }
    }

    @EventHandler
    void on(OrderPlaced e, @SequenceNumber long sequence) {
        if (!firstRowToWrite(e.orderId(), sequence, entries::existsById)) {
            return;
        }
        CashEntryRow header = new CashEntryRow();
        header.entryId = e.orderId() + ":" + sequence;
        header.orderId = e.orderId();
        header.sequence = sequence;
        header.kind = CashEntryRow.ORDER;
        header.orderNumber = e.number().value();
        header.serviceId = e.service().id();
        header.serviceName = e.service().name();
        header.timeZone = e.service().timeZone();
        header.at = e.placedAt();
        header.localDate = e.placedAt().atZone(ZoneId.of(header.timeZone)).toLocalDate();
        entries.save(header);
    }

    @EventHandler
    void on(ManagerPaymentRecorded e, @SequenceNumber long sequence) {
        money(e, sequence, CashEntryRow.PAYMENT, PaymentSource.MANAGER, e.method(), e.amount(), e.at(), e.by());
    }

    @EventHandler
    void on(GatewayPaymentRecorded e, @SequenceNumber long sequence) {
        // the gateway took it, whoever reported it: no person (the report names it «Платёжный шлюз»)
        money(e, sequence, CashEntryRow.PAYMENT, PaymentSource.GATEWAY, e.method(), e.amount(), e.at(), null);
    }

    @EventHandler
    void on(DeskRefundRecorded e, @SequenceNumber long sequence) {
        money(e, sequence, CashEntryRow.REFUND, PaymentSource.MANAGER, e.method(), e.amount(), e.at(), e.by());
    }

    @EventHandler
    void on(GatewayRefundRecorded e, @SequenceNumber long sequence) {
        money(e, sequence, CashEntryRow.REFUND, PaymentSource.GATEWAY, PaymentMethod.BANK_CARD, e.amount(), e.at(), null);
    }

    private void money(OrderEvent e, long sequence, String kind, PaymentSource source, PaymentMethod method, Money amount,
                       Instant at, Actor by) {
        Optional<CashEntryRow> header = firstRowToWriteAfter(e.orderId(), sequence, entries::existsById, entries::findById);
        if (header.isEmpty()) {
            return;
        }
        CashEntryRow row = new CashEntryRow();
        row.entryId = e.orderId() + ":" + sequence;
        row.orderId = e.orderId();
        row.sequence = sequence;
        row.kind = kind;
        row.orderNumber = header.get().orderNumber;
        row.serviceId = header.get().serviceId;
        row.serviceName = header.get().serviceName;
        row.timeZone = header.get().timeZone;
        row.at = at;
        row.localDate = at.atZone(ZoneId.of(row.timeZone)).toLocalDate();
        row.source = source.name();
        row.method = method.name();
        row.amountMinor = amount.minor();
        if (by != null) {
            row.byId = by.id();
            row.byName = by.name();
        }
        entries.save(row);
    }

    @ResetHandler
    void reset() {
        if (path == ReadModelPath.CATCH_UP) {
            forgetAppliedInline();
            entries.truncate();
        }
    }
}
