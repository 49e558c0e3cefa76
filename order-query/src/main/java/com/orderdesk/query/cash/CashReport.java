package com.orderdesk.query.cash;

import java.time.Clock;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.value.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The daily cash report of a service (issue 13): every payment and refund of the day in the service's zone, then the
 * same money by method and by who took or gave it, with totals. Net = payments − refunds, in kopecks throughout.
 */
@Component
class CashReport {
    /** Who took money that no person took: the gateway. */
    static final String GATEWAY_NAME = "Платёжный шлюз";

    private final CashEntryRepository entries;
    private final Clock clock;

    CashReport(CashEntryRepository entries, Clock clock) {
        this.clock = clock;
        this.entries = entries;
    }

    public record Line(OffsetDateTime at, String orderId, String orderNumber, String kind, String source, PaymentMethod method,
                       String methodLabel, Money amount, String byId, String byName) {
    }

    /** Money of one group (a method, a person): what came in, what went back, and the difference. */
    public record Sum(String key, String label, int payments, Money paid, int refunds, Money refunded, Net net) {
    }

    /** An amount that may be negative (a day that paid back more than it took), shaped as Money is. */
    public record Net(String value, String currency) {
        static Net of(long minor) {
            return new Net(java.math.BigDecimal.valueOf(minor, 2).toPlainString(), Money.CURRENCY);
        }
    }

    public record Day(String serviceId, String serviceName, String timeZone, LocalDate date, List<Line> lines,
                      List<Sum> byMethod, List<Sum> byPerson, Sum total) {
    }

    /**
     * The day's report; no date: today where the service is. A service nobody has booked yet is named by its id, in
     * {@code fallbackZone}.
     */
    @Transactional(readOnly = true)
    public Day of(String serviceId, Optional<LocalDate> day, ZoneId fallbackZone) {
        Optional<CashEntryRow> header = entries.newestHeader(serviceId);
        String serviceName = header.map(h -> h.serviceName).orElse(serviceId);
        ZoneId zone = header.map(h -> ZoneId.of(h.timeZone)).orElse(fallbackZone);
        LocalDate date = day.orElseGet(() -> LocalDate.ofInstant(clock.instant(), zone));
        List<Line> lines = entries.findDay(serviceId, date).stream().map(row -> {
            PaymentMethod method = PaymentMethod.valueOf(row.method);
            return new Line(row.at.atZone(ZoneId.of(row.timeZone)).toOffsetDateTime(), row.orderId, row.orderNumber, row.kind,
                    row.source, method, method.label(), Money.ofMinor(row.amountMinor), row.byId,
                    row.byName == null ? GATEWAY_NAME : row.byName);
        }).toList();
        List<Sum> byMethod = sums(lines, line -> line.method().name(), line -> line.methodLabel());
        List<Sum> byPerson = sums(lines, line -> line.byId() == null ? "gateway" : line.byId(), Line::byName);
        Sum total = sums(lines, line -> "total", line -> "Итого").stream().findFirst()
                .orElse(new Sum("total", "Итого", 0, Money.ZERO, 0, Money.ZERO, Net.of(0)));
        return new Day(serviceId, serviceName, zone.getId(), date, lines, byMethod, byPerson, total);
    }

    private static List<Sum> sums(List<Line> lines, Function<Line, String> key, Function<Line, String> label) {
        Map<String, long[]> totals = new LinkedHashMap<>(); // payments, paid, refunds, refunded
        Map<String, String> labels = new LinkedHashMap<>();
        for (Line line : lines) {
            long[] t = totals.computeIfAbsent(key.apply(line), k -> new long[4]);
            labels.putIfAbsent(key.apply(line), label.apply(line));
            if (CashEntryRow.PAYMENT.equals(line.kind())) {
                t[0]++;
                t[1] += line.amount().minor();
            } else {
                t[2]++;
                t[3] += line.amount().minor();
            }
        }
        List<Sum> result = new ArrayList<>();
        totals.forEach((k, t) -> result.add(new Sum(k, labels.get(k), (int) t[0], Money.ofMinor(t[1]), (int) t[2],
                Money.ofMinor(t[3]), Net.of(t[1] - t[3]))));
        return result;
    }
}
