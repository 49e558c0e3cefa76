package com.orderdesk.query.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.orderdesk.shared.order.query.FindOnlinePayment;
import com.orderdesk.shared.order.query.FindOrderDetail;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Reads the order-form read model. */
@Component
public class OrderDetails {
    private final OrderDetailRepository rows;
    private final ObjectReader reader;

    OrderDetails(OrderDetailRepository rows, ObjectMapper json) {
        this.rows = rows;
        this.reader = documents(json).readerFor(OrderDetail.class);
    }

    /** How order-form documents are written and read: offsets are part of them (times in the service's zone), never shifted. */
    static ObjectMapper documents(ObjectMapper json) {
        return json.copy().disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    OrderDetail read(OrderDetailRow row) {
        try {
            return reader.readValue(row.document);
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

    public long versionOf(String orderId) {
        return rows.findById(orderId).map(row -> row.version).orElse(-1L);
    }

    @QueryHandler
    public FindOnlinePayment.OnlinePayment handle(FindOnlinePayment query) {
        return find(query.orderId()).map(OrderDetail::onlinePayment).orElse(null);
    }

    @QueryHandler
    public OrderDetail handle(FindOrderDetail query) {
        return find(query.orderId()).orElse(null);
    }
}
