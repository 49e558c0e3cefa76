package com.orderdesk.query.list;

import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;

import java.time.Instant;
import java.util.Set;

/**
 * What the list is asked for. {@code executorId} "none" means unassigned; {@code guestId} restricts to one
 * guest's orders and {@code withinServices} to the services a manager is responsible for (null: every service); both
 * are set by the server, never by the client.
 */
public record OrderListCriteria(Set<OrderStatus> statuses, Set<PaymentStatus> paymentStatuses, String serviceId,
                                String executorId, String q, Instant createdFrom, Instant createdTo, String guestId,
                                Set<String> withinServices, SortField sortField, boolean ascending, int page, int size) {

    /** The same criteria within what {@code reach} covers. */
    public OrderListCriteria within(com.orderdesk.shared.access.Reach reach) {
        return new OrderListCriteria(statuses, paymentStatuses, serviceId, executorId, q, createdFrom, createdTo, guestId,
                reach.serviceIds(), sortField, ascending, page, size);
    }

    public enum SortField {
        CREATED_AT("createdAt", "createdAt"), NUMBER("number", "number"), DUE_DATE("dueDate", "dueDate"),
        TOTAL("total", "totalMinor");

        private final String apiName;
        private final String property;

        SortField(String apiName, String property) {
            this.apiName = apiName;
            this.property = property;
        }

        public String apiName() {
            return apiName;
        }

        String property() {
            return property;
        }
    }
}
