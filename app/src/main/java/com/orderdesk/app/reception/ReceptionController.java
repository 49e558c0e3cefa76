package com.orderdesk.app.reception;

import com.orderdesk.app.web.Problems;
import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.error.Rejection;
import com.orderdesk.shared.order.CheckInMethod;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.command.CheckInGuest;
import com.orderdesk.shared.ticket.Passes;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.Money;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * «Приём гостей» (issue 30, docs/adr/022): the day's guests of the services a member of staff is responsible for, in
 * time order with where each stands, and the check-in by what the guest shows — the pass a handheld scanner types, or
 * the ticket's or order's number typed by hand. The rules are the order's ({@code CheckInGuest}); this finds the order
 * and says the answer so it reads at a glance: «Проходите», or why not.
 */
@RestController
@RequestMapping(path = "/api/reception", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReceptionController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.forLanguageTag("ru"));
    private final Catalog catalog;
    private final Passes passes;
    private final CommandGateway commands;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ReceptionController(Catalog catalog, Passes passes, CommandGateway commands, DataSource dataSource, Clock clock) {
        this.catalog = catalog;
        this.passes = passes;
        this.commands = commands;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Where a guest of the day stands at the reception. */
    public enum State {
        EXPECTED("Ожидается"), NOT_PAID("Не оплачен"), CHECKED_IN("Пришёл"), CHECKED_OUT("Ушёл"), NO_SHOW("Не пришёл"),
        AWAITING_PAYMENT("Ожидает оплаты"), CANCELLED("Отменён"), COMPLETED("Выполнен");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A guest of the day: the order, the ticket, the visitor, the hours, where they stand, what is left to pay. */
    public record Guest(String orderId, String number, String ticketNumber, String visitorName, String serviceId, String serviceName,
                        OffsetDateTime start, OffsetDateTime end, OrderStatus status, State state, String stateLabel,
                        Money remainder, OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt, long version) {
    }

    public record Day(LocalDate date, List<Guest> guests) {
    }

    /** What the reception typed or scanned. */
    public record CheckInRequest(String code) {
    }

    /** The answer at the reception: «Проходите» or «Уже отметились в 10:02», with the guest. */
    public record CheckedIn(boolean already, OffsetDateTime at, String message, Guest guest) {
    }

    /**
     * {@code GET /api/reception/today[?date=YYYY-MM-DD][&serviceId=]}: the guests whose rental falls on the day (each
     * service's own day; today there when absent), by their start.
     */
    @GetMapping("/today")
    public Day today(@RequestParam(required = false) String date, @RequestParam(required = false) String serviceId, Actor actor) {
        List<Catalog.Service> services = services(serviceId, actor);
        LocalDate day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(services.isEmpty()
                ? ZoneId.systemDefault() : services.get(0).timeZone())) : Check.day(date, "date", "дата (ГГГГ-ММ-ДД)");
        List<Guest> guests = new ArrayList<>();
        for (Catalog.Service service : services) {
            Instant from = day.atStartOfDay(service.timeZone()).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(service.timeZone()).toInstant();
            guests.addAll(jdbc.query(SELECT + " where service_id = :service and rental_start < :to and rental_end > :from",
                    new MapSqlParameterSource("service", service.id()).addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                    (rs, n) -> guest(rs)));
        }
        guests.sort(Comparator.comparing(Guest::start).thenComparing(Guest::number));
        return new Day(day, guests);
    }

    /**
     * {@code POST /api/reception/check-in {"code": …}}: checks in the guest whose pass or number this is. A pass that
     * does not hold is {@code 422 pass-invalid}; an order the rules refuse answers why ({@code check-in-wrong-day},
     * {@code order-not-paid} with the {@code remainder} to take and the {@code orderId}, …).
     */
    @PostMapping(path = "/check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> checkIn(@RequestBody CheckInRequest body, Actor actor) {
        String code = Check.line(body == null ? null : body.code(), "code", "пропуск или номер билета", 64);
        boolean pass = Passes.looksLikeAPass(code);
        Guest found = pass ? byPass(code, actor) : byNumber(code, actor);
        try {
            CheckInGuest.CheckedIn answer = commands.sendAndWait(Attribution.sentBy(actor,
                    new CheckInGuest(found.orderId(), pass ? CheckInMethod.PASS : CheckInMethod.NUMBER, null)));
            ZoneId zone = found.start().toZonedDateTime().getZone();
            Guest now = row(found.orderId()).orElse(found);
            return ResponseEntity.ok(new CheckedIn(answer.already(), answer.at().atZone(zone).toOffsetDateTime(), answer.already()
                    ? "Уже отметились в " + TIME.format(answer.at().atZone(zone)) + "." : "Проходите.", now));
        } catch (CommandExecutionException e) {
            Optional<Rejection> rejection = e.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast);
            if (rejection.isEmpty()) {
                throw e;
            }
            return refused(rejection.get(), row(found.orderId()).orElse(found));
        } catch (RejectedException e) {
            return refused(e.rejection(), row(found.orderId()).orElse(found));
        }
    }

    /** A refusal, with the guest it is about: the page shows who, and for {@code order-not-paid} opens the payment. */
    private static ResponseEntity<ProblemDetail> refused(Rejection rejection, Guest guest) {
        ProblemDetail problem = Problems.of(rejection);
        problem.setProperty("orderId", guest.orderId());
        problem.setProperty("number", guest.number());
        problem.setProperty("ticketNumber", guest.ticketNumber());
        problem.setProperty("visitorName", guest.visitorName());
        if (rejection.code() == ErrorCode.ORDER_NOT_PAID) {
            problem.setProperty("remainder", guest.remainder());
        }
        return ResponseEntity.status(rejection.code().httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The order a pass names, once its signature holds; a pass of another's service says whose. */
    private Guest byPass(String code, Actor actor) {
        String number = Passes.numberIn(code).orElseThrow();
        Guest guest = jdbc.query(SELECT + " where number = :number", new MapSqlParameterSource("number", number), (rs, n) -> guest(rs))
                .stream().findFirst().filter(found -> passes.isOf(code, found.orderId(), found.number()))
                .orElseThrow(() -> new RejectedException(new Rejection(ErrorCode.PASS_INVALID,
                        "Пропуск недействителен: такого пропуска сервис не выдавал. Попросите номер билета.", "code")));
        if (!catalog.reachOf(actor).covers(guest.serviceId())) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Это пропуск другой услуги: «" + guest.serviceName() + "».");
        }
        return guest;
    }

    /** The order of a typed number: the order's own number, else the ticket's among the day's orders of the staff's services. */
    private Guest byNumber(String code, Actor actor) {
        List<Catalog.Service> services = services(null, actor);
        List<String> ids = services.stream().map(Catalog.Service::id).toList();
        if (ids.isEmpty()) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Вы не отвечаете ни за одну услугу.");
        }
        if (code.matches("[1-9]\\d{6}")) {
            Optional<Guest> order = jdbc.query(SELECT + " where number = :number and service_id in (:services)",
                    new MapSqlParameterSource("number", code).addValue("services", ids), (rs, n) -> guest(rs)).stream().findFirst();
            if (order.isPresent()) {
                return order.get();
            }
        }
        Instant now = clock.instant();
        List<Guest> today = new ArrayList<>();
        for (Catalog.Service service : services) {
            LocalDate day = LocalDate.ofInstant(now, service.timeZone());
            today.addAll(jdbc.query(SELECT + " where service_id = :service and ticket_lower = :ticket and rental_start < :to and rental_end > :from",
                    new MapSqlParameterSource("service", service.id()).addValue("ticket", code.toLowerCase(Locale.ROOT))
                            .addValue("from", Timestamp.from(day.atStartOfDay(service.timeZone()).toInstant()))
                            .addValue("to", Timestamp.from(day.plusDays(1).atStartOfDay(service.timeZone()).toInstant())),
                    (rs, n) -> guest(rs)));
        }
        if (today.isEmpty()) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Билет № " + code + " не найден среди сегодняшних заказов ваших услуг.");
        }
        if (today.size() > 1) {
            throw new InvalidValueException("code", "Сегодня несколько заказов с билетом № " + code + ": "
                    + today.stream().map(guest -> "№ " + guest.number() + " (" + guest.visitorName() + ")").collect(Collectors.joining(", "))
                    + ". Введите номер заказа.");
        }
        return today.get(0);
    }

    private Optional<Guest> row(String orderId) {
        return jdbc.query(SELECT + " where order_id = :id", new MapSqlParameterSource("id", orderId), (rs, n) -> guest(rs)).stream().findFirst();
    }

    private static final String SELECT = "select order_id, number, ticket_number, visitor_name, service_id, service_name, time_zone, "
            + "rental_start, rental_end, status, remainder_minor, checked_in_at, checked_out_at, version from order_summary";

    private static Guest guest(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
        Money remainder = Money.ofMinor(rs.getLong("remainder_minor"));
        OffsetDateTime in = local(rs.getTimestamp("checked_in_at"), zone);
        OffsetDateTime out = local(rs.getTimestamp("checked_out_at"), zone);
        State state = switch (status) {
            case CANCELLED -> State.CANCELLED;
            case NO_SHOW -> State.NO_SHOW;
            case COMPLETED -> State.COMPLETED;
            case AWAITING_PAYMENT -> State.AWAITING_PAYMENT;
            case CONFIRMED -> out != null ? State.CHECKED_OUT : in != null ? State.CHECKED_IN
                    : remainder.isPositive() ? State.NOT_PAID : State.EXPECTED;
        };
        String label = switch (state) {
            case CHECKED_IN -> "Пришёл в " + TIME.format(in);
            case CHECKED_OUT -> "Ушёл в " + TIME.format(out);
            case NOT_PAID -> "Не оплачен: к оплате " + remainder.toRussianTextWithKopecks();
            default -> state.label();
        };
        String ticket = rs.getString("ticket_number");
        return new Guest(rs.getString("order_id"), rs.getString("number"), ticket != null ? ticket : rs.getString("number"),
                rs.getString("visitor_name"), rs.getString("service_id"), rs.getString("service_name"),
                local(rs.getTimestamp("rental_start"), zone), local(rs.getTimestamp("rental_end"), zone), status, state, label,
                remainder, in, out, rs.getLong("version"));
    }

    private static OffsetDateTime local(Timestamp at, ZoneId zone) {
        return at == null ? null : at.toInstant().atZone(zone).toOffsetDateTime();
    }

    private List<Catalog.Service> services(String serviceId, Actor actor) {
        return catalog.reachableBy(actor, serviceId);
    }
}
