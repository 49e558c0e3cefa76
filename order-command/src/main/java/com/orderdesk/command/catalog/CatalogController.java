package com.orderdesk.command.catalog;

import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.access.ServiceAccess;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /api/catalog/services}: what can be booked, at what price, with what payment options. Guests see every
 * service and nobody of the staff; a manager sees the services they are responsible for, with their colleagues
 * there (whom orders may be assigned to); auditors see everything.
 */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
class CatalogController {
    private final Catalog catalog;
    private final Clock clock;
    private final SpaceHolds space;

    public CatalogController(Catalog catalog, Clock clock, SpaceHolds space) {
        this.catalog = catalog;
        this.clock = clock;
        this.space = space;
    }

    public record TariffView(String id, String name, Money unitPrice, String unit, boolean partialPayment,
                             Integer prepaymentPercent) {
    }

    /** A guest may cancel until {@code guestCutoffMinutes} before the start and then gets {@code guestRefundPercent} back. */
    public record CancellationPolicyView(long guestCutoffMinutes, int guestRefundPercent) {
    }

    /** When a service can be booked, in its zone: each weekday's hours ({@code "09:00-21:00"} or {@code "closed"}), and closed dates. */
    public record OpeningHoursView(java.util.Map<String, String> weekly, List<LocalDate> closedDates) {
    }

    public record ServiceView(String id, String name, String timeZone, Money minimumRemainder, List<TariffView> tariffs,
                              CancellationPolicyView cancellationPolicy, long bookingHorizonDays, long maxRentalLengthDays,
                              List<ServiceAccess.StaffMember> staff, Integer capacity, OpeningHoursView openingHours) {
    }

    /** One bookable hour: {@code free} places of the service's {@code capacity} (null when the service does not track them). */
    public record SlotView(OffsetDateTime start, OffsetDateTime end, Integer free) {
    }

    public record AvailabilityView(String serviceId, String timeZone, Integer capacity, List<SlotView> slots) {
    }

    /** The longest stretch one availability request covers, both ends included. */
    static final int MAX_AVAILABILITY_DAYS = 62;

    @GetMapping("/services")
    public List<ServiceView> services(Actor actor) {
        boolean guest = actor == null || actor.isGuest();
        return catalog.services().stream().filter(service -> offered(service.id(), actor)).map(service -> new ServiceView(service.id(), service.name(),
                service.timeZone().getId(), service.minimumRemainder(),
                service.tariffList().stream().map(t -> new TariffView(t.id(), t.name(), t.unitPrice(), "HOUR",
                        t.partialPayment(), t.partialPayment() ? t.prepaymentPercent() : null)).toList(),
                new CancellationPolicyView(service.guestCancellationCutoff().toMinutes(), service.guestRefundPercent()),
                service.bookingHorizon().toDays(), service.maxRentalLength().toDays(),
                guest ? List.of() : service.staff(), service.capacity(),
                new OpeningHoursView(service.openingHours().weekly(), service.openingHours().closedDates()))).toList();
    }

    /**
     * {@code GET /api/catalog/services/{id}/availability?from=YYYY-MM-DD&to=YYYY-MM-DD}: every hour the service is
     * open between the two local dates (both included, at most 62 days) with its free places — read by the same code
     * that decides a booking ({@link SpaceHolds}). It names no one: guests and staff alike may read it.
     */
    @GetMapping("/services/{serviceId}/availability")
    public AvailabilityView availability(@PathVariable String serviceId, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to, Actor actor) {
        Catalog.Service service = catalog.service(serviceId).filter(known -> offered(known.id(), actor))
                .orElseThrow(() -> new RejectedException(ErrorCode.NOT_FOUND, "Услуга не найдена."));
        LocalDate first = Check.day(from, "from", "первый день (ГГГГ-ММ-ДД)");
        LocalDate last = Check.day(to, "to", "последний день (ГГГГ-ММ-ДД)");
        if (last.isBefore(first)) {
            throw new InvalidValueException("to", "Последний день раньше первого.");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(first, last) >= MAX_AVAILABILITY_DAYS) {
            throw new InvalidValueException("to", "Не больше " + MAX_AVAILABILITY_DAYS + " дней за один запрос.");
        }
        ZoneId zone = service.timeZone();
        List<SlotView> slots = space.availability(service, first, last).stream()
                .map(slot -> new SlotView(slot.start().atZone(zone).toOffsetDateTime(), slot.end().atZone(zone).toOffsetDateTime(), slot.free()))
                .toList();
        return new AvailabilityView(service.id(), zone.getId(), service.capacity(), slots);
    }

    /** Guests book any service; staff work with the services they are responsible for (auditors: all). */
    private boolean offered(String serviceId, Actor actor) {
        return actor == null || actor.isGuest() || catalog.reachOf(actor).covers(serviceId);
    }

    /** A rental period in the service's zone, as the order will hold it. */
    public record PeriodView(OffsetDateTime start, OffsetDateTime end) {
    }

    /**
     * What an order would cost, priced by the same catalog rules as placing it: the lines, the total, what the plan
     * asks before the rental ({@code prepayment}: the whole total for {@code FULL}), and the least a payment may leave
     * unpaid ({@code minimumRemainder}). {@code rentalPeriod} is what to send when placing the order.
     */
    public record Quote(String serviceId, String serviceName, String timeZone, String tariffId, String tariffName,
                        PaymentPlan paymentPlan, PeriodView rentalPeriod, long hours, List<OrderLine> lines, Money total,
                        Money prepayment, Money minimumRemainder) {
    }

    /**
     * {@code GET /api/catalog/services/{id}/quote?tariffId&date&from&to[&endDate][&paymentPlan]}: the price before
     * saving. Date and times are the service's local ones (its zone, not the browser's); {@code endDate} defaults to
     * {@code date}. Refuses what placing would refuse (unknown tariff, partial payment the tariff does not allow, a
     * start beyond the booking horizon, a period too long; for a guest, a period already over) with the same codes.
     */
    @GetMapping("/services/{serviceId}/quote")
    public Quote quote(@PathVariable String serviceId, @RequestParam(required = false) String tariffId,
                       @RequestParam(required = false) String date, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) String endDate,
                       @RequestParam(required = false) String paymentPlan, Actor actor) {
        Catalog.Service service = catalog.service(serviceId).filter(known -> offered(known.id(), actor))
                .orElseThrow(() -> new InvalidValueException("serviceId", "Неизвестная услуга: " + serviceId + "."));
        ZoneId zone = service.timeZone();
        LocalDate startDay = parse(date, "date", "дата начала аренды", LocalDate::parse);
        LocalDate endDay = endDate == null || endDate.isBlank() ? startDay : parse(endDate, "endDate", "дата окончания аренды", LocalDate::parse);
        LocalTime startTime = parse(from, "from", "время начала аренды", LocalTime::parse);
        LocalTime endTime = parse(to, "to", "время окончания аренды", LocalTime::parse);
        RentalPeriod period = new RentalPeriod(startDay.atTime(startTime).atZone(zone).toInstant(),
                endDay.atTime(endTime).atZone(zone).toInstant());
        PaymentPlan plan = paymentPlan == null || paymentPlan.isBlank() ? PaymentPlan.FULL
                : parse(paymentPlan, "paymentPlan", "способ оплаты (FULL или PARTIAL)", PaymentPlan::valueOf);
        Instant now = clock.instant(); // the clock the order is placed by
        if (actor != null && actor.isGuest() && !period.end().isAfter(now)) {
            throw new InvalidValueException("rentalPeriod", "Период аренды уже прошёл.");
        }
        catalog.requireBookable(serviceId, period, now, actor);
        Catalog.Pricing pricing = catalog.price(serviceId, tariffId, period, plan);
        return new Quote(service.id(), service.name(), zone.getId(), pricing.tariff().id(), pricing.tariff().name(), plan,
                new PeriodView(period.start().atZone(zone).toOffsetDateTime(), period.end().atZone(zone).toOffsetDateTime()),
                period.startedHours(), pricing.lines(), pricing.total(), pricing.dueOnline(), pricing.minimumRemainder());
    }

    private static <T> T parse(String raw, String field, String what, Function<String, T> parser) {
        String text = Check.text(raw, field, what, 40);
        try {
            return parser.apply(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidValueException(field, "Не удалось прочитать: " + what + " («" + text + "»).");
        }
    }
}
