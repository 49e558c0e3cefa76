package com.orderdesk.query.web;

import com.orderdesk.query.list.OrderListCriteria;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Turns the list's query string (API.md) into criteria, refusing what it cannot mean. */
final class ListParameters {
    static final int MAX_SIZE = 100;
    static final int MAX_Q = 100;

    private ListParameters() {
    }

    static OrderListCriteria criteria(String status, String paymentStatus, String serviceId, String executorId, String q,
                                      String createdFrom, String createdTo, String sort, Integer page, Integer size,
                                      String guestId, ZoneId zone) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 100_000) {
            throw new InvalidValueException("page", "Номер страницы: от 0 до 100000.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidValueException("size", "Размер страницы: от 1 до " + MAX_SIZE + ".");
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_Q) {
            throw new InvalidValueException("q", "Строка поиска слишком длинная (не более " + MAX_Q + " символов).");
        }
        OrderListCriteria.SortField field = OrderListCriteria.SortField.CREATED_AT;
        boolean ascending = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            field = Arrays.stream(OrderListCriteria.SortField.values()).filter(f -> f.apiName().equals(parts[0].strip()))
                    .findFirst().orElseThrow(() -> new InvalidValueException("sort",
                            "Сортировка возможна по createdAt, number, dueDate или total."));
            if (parts.length > 2 || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
                throw new InvalidValueException("sort", "Направление сортировки: asc или desc.");
            }
            ascending = parts.length == 2 && parts[1].strip().equalsIgnoreCase("asc");
        }
        Instant from = instant(createdFrom, "createdFrom", zone, false);
        Instant to = instant(createdTo, "createdTo", zone, true);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidValueException("createdTo", "Конец периода должен быть позже начала.");
        }
        return new OrderListCriteria(statuses(status, OrderStatus.class, "status"),
                statuses(paymentStatus, PaymentStatus.class, "paymentStatus"), blankToNull(serviceId), blankToNull(executorId),
                query, from, to, guestId, null, field, ascending, p, s);
    }

    private static <E extends Enum<E>> Set<E> statuses(String raw, Class<E> type, String field) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String part : raw.split(",", -1)) {
            if (part.isBlank()) {
                throw new InvalidValueException(field, "Пустое значение в списке статусов: перечислите их через запятую, например CONFIRMED,COMPLETED.");
            }
            try {
                result.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(field, "Неизвестный статус «" + part.strip() + "».");
            }
        }
        return result;
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    /** A date (whole day in the service's zone) or an instant with offset. */
    private static Instant instant(String raw, String field, ZoneId zone, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Instant instant;
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } else {
                instant = OffsetDateTime.parse(raw).toInstant();
            }
            // both databases store years 1..9999 (and this service has no orders outside them)
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new InvalidValueException(field, "Дата вне допустимого диапазона (годы 1970–9999).");
            }
            return instant;
        } catch (java.time.DateTimeException e) {
            throw new InvalidValueException(field, "Дата — в виде 2023-08-11 или 2023-08-11T13:32+05:00.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
