package com.orderdesk.query.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.orderdesk.shared.order.query.FindOnlinePayment;
import com.orderdesk.shared.order.query.FindOrderDetail;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order-form read model's storage, read and written: the order's scalar fields as one JSON document, its
 * payments and refunds as rows of their own (JSON each, in the order recorded). Times keep the offset they were
 * written with (the service's zone), never shifted on reading.
 */
@Component
public class OrderDetails {
    private final OrderDetailRepository rows;
    private final OrderDetailItemRepository items;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final ObjectReader paymentReader;
    private final ObjectReader refundReader;

    OrderDetails(OrderDetailRepository rows, OrderDetailItemRepository items, ObjectMapper json) {
        this.rows = rows;
        this.items = items;
        ObjectMapper documents = json.copy().disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        this.reader = documents.readerFor(OrderDetail.class);
        this.writer = documents.writer();
        this.paymentReader = documents.readerFor(OrderDetail.Payment.class);
        this.refundReader = documents.readerFor(OrderDetail.Refund.class);
    }

    /** The whole order form: the document with its payments and refunds. */
    OrderDetail read(OrderDetailRow row) {
        OrderDetail document = document(row);
        if (row.paymentCount == 0 && row.refundCount == 0) {
            return document; // none yet, or a document from before they were rows of their own, lists included
        }
        List<OrderDetail.Payment> payments = new ArrayList<>(row.paymentCount);
        List<OrderDetail.Refund> refunds = new ArrayList<>(row.refundCount);
        // only the items the row counts: under read committed a payment committed between reading the row and reading
        // its items would otherwise show beside a document from before it (two payments, the first one's «paid»)
        for (OrderDetailItemRow item : items.findByOrderIdOrderByKindAscIndexAsc(row.orderId)) {
            if (OrderDetailItemRow.PAYMENT.equals(item.kind)) {
                if (item.index < row.paymentCount) {
                    payments.add(parse(paymentReader, item.item, row));
                }
            } else if (item.index < row.refundCount) {
                refunds.add(parse(refundReader, item.item, row));
            }
        }
        return document.withItems(payments, refunds);
    }

    /** The document alone: every field but the payments and refunds recorded as rows. */
    OrderDetail document(OrderDetailRow row) {
        return parse(reader, row.document, row);
    }

    /**
     * Writes the form {@code folded} from {@link #document(OrderDetailRow)}: its payments and refunds are the ones
     * not stored as rows yet (all of them for an old document that held its lists), appended after those that are.
     */
    void write(OrderDetailRow row, OrderDetail folded) {
        List<OrderDetailItemRow> added = new ArrayList<>();
        for (OrderDetail.Payment payment : folded.payments()) {
            added.add(new OrderDetailItemRow(row.orderId, OrderDetailItemRow.PAYMENT, row.paymentCount++, json(payment)));
        }
        for (OrderDetail.Refund refund : folded.refunds()) {
            added.add(new OrderDetailItemRow(row.orderId, OrderDetailItemRow.REFUND, row.refundCount++, json(refund)));
        }
        items.saveAll(added);
        row.number = folded.number();
        row.guestId = folded.guestId();
        row.version = folded.version();
        row.document = json(folded.withItems(List.of(), List.of()));
        rows.save(row);
    }

    void deleteAll() {
        items.truncate();
        rows.truncate();
    }

    private String json(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Order detail not writable as JSON", e);
        }
    }

    private static <T> T parse(ObjectReader reader, String json, OrderDetailRow row) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable order detail of " + row.orderId, e);
        }
    }

    @Transactional(readOnly = true)
    public Optional<OrderDetail> find(String orderId) {
        return rows.findById(orderId).map(this::read);
    }

    @Transactional(readOnly = true)
    public Optional<OrderDetail> findByNumber(String number) {
        return rows.findByNumber(number).map(this::read);
    }

    /** The order as its owner sees it, or empty when it is not theirs (so: not found). */
    @Transactional(readOnly = true)
    public Optional<OrderDetail> findForGuest(String orderId, String guestId) {
        return rows.findById(orderId).filter(row -> guestId.equals(row.guestId)).map(this::read)
                .map(OrderDetail::asGuestSeesIt);
    }

    /** The service an order is of, if the order exists. */
    @Transactional(readOnly = true)
    public Optional<String> serviceOf(String orderId) {
        return rows.findById(orderId).map(this::document).map(detail -> detail.service().id());
    }

    public long versionOf(String orderId) {
        return rows.findById(orderId).map(row -> row.version).orElse(-1L);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public FindOnlinePayment.OnlinePayment handle(FindOnlinePayment query) {
        return rows.findById(query.orderId()).map(this::document).map(OrderDetail::onlinePayment).orElse(null);
    }

    @QueryHandler
    public OrderDetail handle(FindOrderDetail query) {
        return find(query.orderId()).orElse(null);
    }
}
