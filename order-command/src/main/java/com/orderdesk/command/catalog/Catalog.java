package com.orderdesk.command.catalog;

import com.orderdesk.shared.ModuleApi;
import com.orderdesk.shared.access.Reach;
import com.orderdesk.shared.access.ServiceAccess;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.order.OrderLine;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.ServiceRef;
import com.orderdesk.shared.order.TariffRef;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.RentalPeriod;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services and tariffs on offer, and the one place orders are priced: quantity = started hours of
 * the rental period, amount = quantity × unit price. Clients never send a price. Also who is responsible for which
 * service ({@link ServiceAccess}).
 */
@ModuleApi
public final class Catalog implements ServiceAccess {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Catalog.class);
    private final Map<String, Service> services = new LinkedHashMap<>();
    /** staff id → the services they are responsible for */
    private final Map<String, Reach> reaches = new java.util.HashMap<>();

    /** A tariff; {@code vatCode} (YooKassa's 1–12) and {@code paymentSubject} are what its fiscal receipts say. */
    public record Tariff(String id, String name, Money unitPrice, boolean partialPayment, int prepaymentPercent,
                         Integer vatCode, String paymentSubject) {
        public Tariff {
            if (partialPayment && (prepaymentPercent < 1 || prepaymentPercent > 99)) {
                throw new IllegalArgumentException("Tariff " + id + ": prepayment percent must be 1..99 when partial payment is allowed");
            }
            if (vatCode != null && (vatCode < 1 || vatCode > 12)) {
                throw new IllegalArgumentException("Catalog: tariff " + id + ": vat-code must be one of YooKassa's codes 1..12, not " + vatCode);
            }
            paymentSubject = paymentSubject == null || paymentSubject.isBlank() ? OrderLine.SERVICE : paymentSubject.strip();
        }

        public Tariff(String id, String name, Money unitPrice, boolean partialPayment, int prepaymentPercent) {
            this(id, name, unitPrice, partialPayment, prepaymentPercent, null, null);
        }
    }

    /**
     * A bookable service. Its cancellation policy: a guest may cancel until {@code guestCancellationCutoff} before the
     * rental starts and then gets back {@code guestRefundPercent} of what was paid; later only staff may cancel.
     * {@code capacity}: places that can be occupied at once, null when not tracked; {@code openingHours}: when it can
     * be booked (docs/adr/019); {@code attendance}: the reception's rules (issue 30).
     */
    public record Service(String id, String name, ZoneId timeZone, Money minimumRemainder, Map<String, Tariff> tariffs,
                          Duration guestCancellationCutoff, int guestRefundPercent, Duration bookingHorizon,
                          Duration maxRentalLength, List<StaffMember> staff, Integer capacity, OpeningHours openingHours,
                          Attendance attendance) {
        public Service {
            attendance = attendance == null ? Attendance.NONE : attendance;
            staff = List.copyOf(staff);
            openingHours = openingHours == null ? OpeningHours.always() : openingHours;
            if (capacity != null && (capacity < 1 || capacity > 10_000)) {
                throw new IllegalArgumentException("Catalog: service " + id + ": capacity must be 1..10000, not " + capacity);
            }
            if (bookingHorizon == null || bookingHorizon.isNegative() || bookingHorizon.isZero()
                    || maxRentalLength == null || maxRentalLength.isNegative() || maxRentalLength.isZero()) {
                throw new IllegalArgumentException("Catalog: service " + id + " needs a positive booking horizon and maximum rental length");
            }
            if (guestCancellationCutoff == null || guestCancellationCutoff.isNegative()) {
                throw new IllegalArgumentException("Catalog: service " + id + " needs a guest cancellation cut-off of 0 or more");
            }
            if (guestRefundPercent < 0 || guestRefundPercent > 100) {
                throw new IllegalArgumentException("Catalog: service " + id + ": guest refund percent must be 0..100");
            }
        }

        public List<Tariff> tariffList() {
            return List.copyOf(tariffs.values());
        }
    }

    /**
     * The reception's rules of a service (issue 30): a guest checks in from {@code checkInFrom} before the rental's
     * start until its end; nobody checked in {@code noShowAfter} after the start marks the order «Не пришёл» (null:
     * never on its own); a paid, confirmed order completes {@code completeAfter} after the end (null: only by hand).
     */
    public record Attendance(Duration checkInFrom, Duration noShowAfter, Duration completeAfter) {
        public static final Attendance NONE = new Attendance(Duration.ofMinutes(30), null, null);

        public Attendance {
            checkInFrom = checkInFrom == null ? Duration.ofMinutes(30) : checkInFrom;
            if (checkInFrom.isNegative() || (noShowAfter != null && noShowAfter.isNegative())
                    || (completeAfter != null && completeAfter.isNegative())) {
                throw new IllegalArgumentException("Catalog: check-in-from, no-show-after and complete-after are 0 or more");
            }
        }
    }

    /** What placing an order costs and what must be paid before it is confirmed online. */
    public record Pricing(ServiceRef service, TariffRef tariff, List<OrderLine> lines, Money total,
                          Money dueOnline, Money minimumRemainder, ZoneId zone) {
    }

    public Catalog(CatalogProperties properties) {
        for (CatalogProperties.ServiceSpec spec : properties.services()) {
            require(spec.id() != null && !spec.id().isBlank(), "a service without id");
            require(spec.name() != null && !spec.name().isBlank(), "service " + spec.id() + " has no name");
            ZoneId zone;
            try {
                zone = ZoneId.of(spec.timeZone());
            } catch (DateTimeException | NullPointerException e) {
                throw new IllegalArgumentException("Service " + spec.id() + ": bad time zone " + spec.timeZone(), e);
            }
            Map<String, Tariff> tariffs = new LinkedHashMap<>();
            for (CatalogProperties.TariffSpec t : spec.tariffs()) {
                require(t.id() != null && !t.id().isBlank(), "service " + spec.id() + " has a tariff without id");
                require(t.unitPrice() != null, "tariff " + t.id() + " has no unit price");
                Money price = Money.parse(t.unitPrice().toPlainString(), "unitPrice");
                require(tariffs.put(t.id(), new Tariff(t.id(), t.name(), price, t.partialPayment(), t.prepaymentPercent(),
                        t.vatCode(), t.paymentSubject())) == null,
                        "duplicate tariff " + t.id());
            }
            Money minimum = Money.parse(spec.minimumRemainder().toPlainString(), "minimumRemainder");
            Map<String, StaffMember> staff = new LinkedHashMap<>();
            for (CatalogProperties.StaffSpec person : spec.staff()) {
                require(person.id() != null && !person.id().isBlank(), "service " + spec.id() + " names staff without id");
                require(person.name() != null && !person.name().isBlank(), "staff member " + person.id() + " of service "
                        + spec.id() + " has no name");
                require(staff.put(person.id().strip(), new StaffMember(person.id().strip(), person.name().strip())) == null,
                        "service " + spec.id() + " names staff member " + person.id() + " twice");
            }
            if (staff.isEmpty()) {
                log.warn("Catalog: service {} names no responsible staff: no manager sees or handles its orders (auditors do)",
                        spec.id());
            }
            require(services.put(spec.id(), new Service(spec.id(), spec.name(), zone, minimum, tariffs,
                    spec.guestCancellationCutoff(), spec.guestRefundPercent(), spec.bookingHorizon(), spec.maxRentalLength(),
                    List.copyOf(staff.values()), spec.capacity(),
                    OpeningHours.parse(spec.id(), spec.openingHours(), spec.closedDates()),
                    new Attendance(spec.checkInFrom(), spec.noShowAfter(), spec.completeAfter()))) == null,
                    "duplicate service " + spec.id());
        }
        Map<String, Set<String>> servicesByStaff = new java.util.HashMap<>();
        services.values().forEach(service -> service.staff().forEach(
                person -> servicesByStaff.computeIfAbsent(person.id(), id -> new HashSet<>()).add(service.id())));
        servicesByStaff.forEach((id, ids) -> reaches.put(id, new Reach(ids)));
    }

    @Override
    public Reach reachOf(Actor actor) {
        if (actor == null) {
            return Reach.NO_SERVICE;
        }
        return switch (actor.role()) {
            case AUDITOR, SYSTEM -> Reach.EVERY_SERVICE;
            case RENTAL_MANAGER, SERVICE_MANAGER -> reaches.getOrDefault(actor.id(), Reach.NO_SERVICE);
            case GUEST -> Reach.NO_SERVICE;
        };
    }

    @Override
    public List<StaffMember> staffOf(String serviceId) {
        return service(serviceId).map(Service::staff).orElse(List.of());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Catalog: " + problem);
        }
    }

    public List<Service> services() {
        return List.copyOf(services.values());
    }

    /**
     * The services {@code actor} is responsible for (auditors: all), or the one of them named {@code serviceId} —
     * another service is as unknown to them as one that does not exist ({@code not-found}).
     */
    public List<Service> reachableBy(Actor actor, String serviceId) {
        List<Service> reachable = services().stream().filter(service -> actor != null && reachOf(actor).covers(service.id())).toList();
        if (serviceId == null || serviceId.isBlank()) {
            return reachable;
        }
        return List.of(reachable.stream().filter(service -> service.id().equals(serviceId)).findFirst()
                .orElseThrow(() -> new com.orderdesk.shared.error.RejectedException(com.orderdesk.shared.error.ErrorCode.NOT_FOUND,
                        "Услуга не найдена.")));
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(id == null ? null : services.get(id));
    }

    private Service known(String serviceId) {
        return service(serviceId).orElseThrow(() -> new InvalidValueException("serviceId", "Неизвестная услуга: " + serviceId + "."));
    }

    private static final java.time.format.DateTimeFormatter HOUR_MINUTE = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
    private static final java.time.format.DateTimeFormatter DAY_HOUR = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Orders imported by the system (a migration, the demo) may lie in the past, but not before this service existed. */
    private static final Instant EARLIEST_RENTAL = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * A rental a service can take at {@code now} from {@code by}: within its booking horizon, no longer than its maximum,
     * and not in the past — a guest's starts no earlier than now; staff may place a walk-in from the start of the
     * current hour in the service's zone; only the system (an import) may record rentals that lie in the past.
     */
    public void requireBookable(String serviceId, RentalPeriod period, Instant now, com.orderdesk.shared.value.Actor by) {
        Service service = known(serviceId);
        boolean system = by != null && by.role() == com.orderdesk.shared.value.Role.SYSTEM;
        if (!system) {
            java.time.ZonedDateTime local = now.atZone(service.timeZone());
            Instant earliest = by != null && by.isGuest() ? now : local.truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
            if (period.start().isBefore(earliest)) {
                throw new InvalidValueException("rentalPeriod.start", by != null && by.isGuest()
                        ? "Аренда не может начинаться в прошлом: выберите время не раньше " + local.format(HOUR_MINUTE) + " сегодня (время местное)."
                        : "Аренда не может начинаться в прошлом: не раньше " + local.truncatedTo(java.time.temporal.ChronoUnit.HOURS).format(HOUR_MINUTE)
                        + " сегодня (время местное) — с начала текущего часа.");
            }
        }
        if (period.start().isAfter(now.plus(service.bookingHorizon())) || period.start().isBefore(EARLIEST_RENTAL)) {
            throw new InvalidValueException("rentalPeriod.start", "Начало аренды — не дальше " + service.bookingHorizon().toDays()
                    + " дн. от сегодняшнего дня.");
        }
        if (java.time.Duration.between(period.start(), period.end()).compareTo(service.maxRentalLength()) > 0) {
            throw new InvalidValueException("rentalPeriod", "Период аренды не может быть длиннее "
                    + service.maxRentalLength().toDays() + " дн.");
        }
        if (!system) {
            requireOpenWholeHours(service, period);
        }
    }

    /**
     * Bookings are whole hours inside opening hours (issue 27): the start and the end on the hour in the service's
     * zone, and every hour between them one the service is open. The refusal names the closed hours.
     */
    static void requireOpenWholeHours(Service service, RentalPeriod period) {
        java.time.ZonedDateTime start = period.start().atZone(service.timeZone());
        java.time.ZonedDateTime end = period.end().atZone(service.timeZone());
        if (!start.equals(start.truncatedTo(java.time.temporal.ChronoUnit.HOURS))
                || !end.equals(end.truncatedTo(java.time.temporal.ChronoUnit.HOURS))) {
            throw new InvalidValueException("rentalPeriod", "Аренда — целыми часами: начало и конец в начале часа (время местное), "
                    + "например " + start.truncatedTo(java.time.temporal.ChronoUnit.HOURS).format(HOUR_MINUTE) + "–"
                    + start.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusHours(1).format(HOUR_MINUTE) + ".");
        }
        List<java.time.LocalDateTime> closed = new java.util.ArrayList<>();
        for (java.time.ZonedDateTime hour = start; hour.isBefore(end); hour = hour.plusHours(1)) {
            if (!service.openingHours().isOpen(hour.toLocalDateTime())) {
                closed.add(hour.toLocalDateTime());
            }
        }
        if (!closed.isEmpty()) {
            java.time.LocalDate day = closed.get(0).toLocalDate();
            String hours = closed.stream().limit(6).map(h -> h.format(DAY_HOUR)).collect(java.util.stream.Collectors.joining(", "))
                    + (closed.size() > 6 ? " и ещё " + (closed.size() - 6) + " ч." : "");
            String open = service.openingHours().describe(day);
            throw new InvalidValueException("rentalPeriod", "«" + service.name() + "» в эти часы не работает: " + hours
                    + " (время местное). " + (open.isEmpty() ? day.format(DAY) + " — выходной." : "Часы работы " + day.format(DAY) + ": " + open + "."));
        }
    }

    public Pricing price(String serviceId, String tariffId, RentalPeriod period, PaymentPlan plan) {
        Service service = known(serviceId);
        Tariff tariff = Optional.ofNullable(tariffId == null ? null : service.tariffs().get(tariffId))
                .orElseThrow(() -> new InvalidValueException("tariffId", "Неизвестный тариф: " + tariffId + "."));
        if (plan == PaymentPlan.PARTIAL && !tariff.partialPayment()) {
            throw new InvalidValueException("paymentPlan", "Частичная оплата для этого тарифа недоступна.");
        }
        long quantity = period.startedHours();
        Money amount = tariff.unitPrice().times(quantity);
        String description = service.name() + ", тариф «" + tariff.name() + "»";
        OrderLine line = new OrderLine(description, quantity, tariff.unitPrice(), amount, tariff.vatCode(),
                tariff.vatCode() == null ? null : tariff.paymentSubject());
        Money dueOnline = amount;
        if (plan == PaymentPlan.PARTIAL) {
            Money prepayment = amount.percent(tariff.prepaymentPercent());
            Money rest = amount.minusOrZero(prepayment);
            // the rule «остаток не менее минимума» holds from the first payment on
            dueOnline = rest.isPositive() && rest.isLessThan(service.minimumRemainder()) ? amount : prepayment;
        }
        return new Pricing(
                new ServiceRef(service.id(), service.name(), service.timeZone().getId()),
                new TariffRef(tariff.id(), tariff.name(), tariff.unitPrice(), "HOUR"),
                List.of(line), amount, dueOnline, service.minimumRemainder(), service.timeZone());
    }
}
