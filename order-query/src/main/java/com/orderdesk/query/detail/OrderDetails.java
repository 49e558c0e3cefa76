package com.orderdesk.query.detail;

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
    private final OrderDetailProjection projection;

    OrderDetails(OrderDetailRepository rows, OrderDetailProjection projection) {
        this.rows = rows;
        this.projection = projection;
    }

    @Transactional(readOnly = true)
    public Optional<OrderDetail> find(String orderId) {
        return rows.findById(orderId).map(projection::read);
    }

    @Transactional(readOnly = true)
    public Optional<OrderDetail> findByNumber(String number) {
        return rows.findByNumber(number).map(projection::read);
    }

    /** The order as its owner sees it, or empty when it is not theirs (so: not found). */
    @Transactional(readOnly = true)
    public Optional<OrderDetail> findForGuest(String orderId, String guestId) {
        return rows.findById(orderId).filter(row -> guestId.equals(row.guestId)).map(projection::read)
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
