package com.orderdesk.query.list;

import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Money;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** Filters, searches, sorts and pages the order list. */
@Component
public class OrderList {
    static final int EXPORT_WINDOW = 500;

    private final OrderSummaryRepository rows;

    OrderList(OrderSummaryRepository rows) {
        this.rows = rows;
    }

    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    @Transactional(readOnly = true)
    public PageOf<OrderSummary> find(OrderListCriteria criteria, Function<PaymentStatus, String> paymentLabel) {
        Page<OrderSummaryRow> page = rows.findAll(specification(criteria), PageRequest.of(criteria.page(), criteria.size(), sort(criteria)));
        return new PageOf<>(page.getContent().stream().map(row -> summary(row, paymentLabel)).toList(),
                criteria.page(), criteria.size(), page.getTotalElements());
    }

    /**
     * Every order the criteria select (their page and size aside), in the list's order, a window at a time: no count,
     * nothing held between windows — for exports of any size. Keyset scrolling: each window starts after the previous
     * one's last row, so a deep window costs what the first does.
     */
    public void forEach(OrderListCriteria criteria, Function<PaymentStatus, String> paymentLabel, Consumer<OrderSummary> each) {
        Sort sort = sort(criteria);
        Specification<OrderSummaryRow> where = specification(criteria);
        ScrollPosition position = ScrollPosition.keyset();
        while (true) {
            ScrollPosition from = position;
            Window<OrderSummaryRow> window = rows.findBy(where, query -> query.sortBy(sort).limit(EXPORT_WINDOW).scroll(from));
            window.forEach(row -> each.accept(summary(row, paymentLabel)));
            if (window.isEmpty() || !window.hasNext()) {
                return;
            }
            position = window.positionAt(window.size() - 1);
        }
    }

    /** The id of the order with this number, as far as the list knows it. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> idOfNumber(String number) {
        return rows.findByNumber(number).map(row -> row.orderId);
    }

    public long versionOf(String orderId) {
        return rows.findById(orderId).map(row -> row.version).orElse(-1L);
    }

    private static Sort sort(OrderListCriteria criteria) {
        Sort.Direction direction = criteria.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        // created time and number are (practically) unique: sorting by them alone lets the (filter, created_at)
        // indexes deliver rows already in order; due date and total need the number to break ties
        Sort sort = Sort.by(direction, criteria.sortField().property());
        if (criteria.sortField() == OrderListCriteria.SortField.DUE_DATE || criteria.sortField() == OrderListCriteria.SortField.TOTAL) {
            sort = sort.and(Sort.by(direction, "number"));
        }
        return sort;
    }

    private static Specification<OrderSummaryRow> specification(OrderListCriteria c) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (c.guestId() != null) {
                where.add(cb.equal(root.get("guestId"), c.guestId()));
            }
            if (c.statuses() != null && !c.statuses().isEmpty()) {
                where.add(oneOf(cb, root.get("status"), c.statuses()));
            }
            if (c.paymentStatuses() != null && !c.paymentStatuses().isEmpty()) {
                where.add(oneOf(cb, root.get("paymentStatus"), c.paymentStatuses()));
            }
            if (c.serviceId() != null) {
                where.add(cb.equal(root.get("serviceId"), c.serviceId()));
            }
            if (c.withinServices() != null) {
                where.add(c.withinServices().isEmpty() ? cb.disjunction()
                        : c.withinServices().size() == 1 ? cb.equal(root.get("serviceId"), c.withinServices().iterator().next())
                        : root.get("serviceId").in(c.withinServices()));
            }
            if ("none".equals(c.executorId())) {
                where.add(cb.isNull(root.get("executorId")));
            } else if (c.executorId() != null) {
                where.add(cb.equal(root.get("executorId"), c.executorId()));
            }
            if (c.createdFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), c.createdFrom()));
            }
            if (c.createdTo() != null) {
                where.add(cb.lessThan(root.get("createdAt"), c.createdTo()));
            }
            if (c.q() != null) {
                String lower = c.q().toLowerCase(Locale.ROOT);
                List<Predicate> any = new ArrayList<>();
                any.add(cb.equal(root.get("number"), c.q()));
                any.add(cb.equal(root.get("ticketLower"), lower));
                any.add(cb.like(root.get("visitorNameLower"), "%" + escapeLike(lower) + "%", '\\'));
                String digits = phoneDigits(c.q());
                if (digits.length() >= 4) {
                    any.add(cb.like(root.get("phoneDigits"), "%" + digits + "%"));
                }
                where.add(cb.or(any.toArray(Predicate[]::new)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** An equality for one value (so the optimizer can walk an index in order), IN for several. */
    private static Predicate oneOf(jakarta.persistence.criteria.CriteriaBuilder cb,
                                   jakarta.persistence.criteria.Path<String> column, java.util.Set<? extends Enum<?>> values) {
        return values.size() == 1 ? cb.equal(column, values.iterator().next().name())
                : column.in(values.stream().map(Enum::name).toList());
    }

    /** Digits of a phone as typed; a Russian trunk prefix 8 becomes the country code 7. */
    static String phoneDigits(String typed) {
        String digits = typed.replaceAll("\\D", "");
        if (typed.strip().matches("[\\d\\s()+\\-.]+") && digits.length() == 11 && digits.startsWith("8")) {
            return "7" + digits.substring(1);
        }
        return typed.strip().matches("[\\d\\s()+\\-.]+") ? digits : "";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OrderSummary summary(OrderSummaryRow row, Function<PaymentStatus, String> paymentLabel) {
        ZoneId zone = ZoneId.of(row.timeZone);
        OrderStatus status = OrderStatus.valueOf(row.status);
        PaymentStatus paymentStatus = PaymentStatus.valueOf(row.paymentStatus);
        return new OrderSummary(row.orderId, row.number, row.createdAt.atZone(zone).toOffsetDateTime(), row.serviceId,
                row.serviceName, status, status.label(), paymentStatus, paymentLabel.apply(paymentStatus), row.visitorName,
                row.ticketNumber, row.executorId, row.executorName, Money.ofMinor(row.totalMinor),
                Money.ofMinor(row.remainderMinor), row.dueDate, row.rentalStart == null || row.rentalEnd == null ? null
                : new OrderSummary.Period(row.rentalStart.atZone(zone).toOffsetDateTime(), row.rentalEnd.atZone(zone).toOffsetDateTime()),
                row.version);
    }
}
