package com.orderdesk.app.space;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What staff see of the space their services sell (issue 27): the day board «Загрузка» — each service × each open
 * hour of a day, occupied of capacity, with the orders in it — and «Пересечения», the hours held beyond the capacity
 * by orders placed before the places were tracked (docs/adr/019). Staff see the services they are responsible for,
 * auditors all.
 */
@RestController
@RequestMapping(path = "/api/space", produces = MediaType.APPLICATION_JSON_VALUE)
public class SpaceController {
    private final Catalog catalog;
    private final SpaceHolds space;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public SpaceController(Catalog catalog, SpaceHolds space, DataSource dataSource, Clock clock) {
        this.catalog = catalog;
        this.space = space;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** An order as the board shows it: its number, the visitor, its status. */
    public record BoardOrder(String orderId, String number, String visitorName, String status, String statusLabel) {
    }

    public record BoardHour(OffsetDateTime start, OffsetDateTime end, int occupied, Integer capacity, List<BoardOrder> orders) {
    }

    public record BoardService(String serviceId, String serviceName, String timeZone, Integer capacity, String openingHours,
                               List<BoardHour> hours) {
    }

    public record Board(LocalDate date, List<BoardService> services) {
    }

    public record Overbooked(String serviceId, String serviceName, OffsetDateTime start, OffsetDateTime end, int capacity,
                             int held, List<BoardOrder> orders) {
    }

    /**
     * {@code GET /api/space/board?date=YYYY-MM-DD[&serviceId=]}: the day board. The date is each service's local one
     * (today there when absent).
     */
    @GetMapping("/board")
    public Board board(@RequestParam(required = false) String date, @RequestParam(required = false) String serviceId, Actor actor) {
        List<Catalog.Service> services = services(serviceId, actor);
        LocalDate day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(services.isEmpty()
                ? ZoneId.systemDefault() : services.get(0).timeZone())) : Check.day(date, "date", "дата (ГГГГ-ММ-ДД)");
        List<BoardService> board = new ArrayList<>();
        for (Catalog.Service service : services) {
            ZoneId zone = service.timeZone();
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            Map<Instant, List<String>> occupants = space.occupants(service.id(), from, to);
            Map<String, BoardOrder> orders = orders(occupants.values().stream().flatMap(Collection::stream).toList());
            List<BoardHour> hours = new ArrayList<>();
            for (LocalDateTime hour : service.openingHours().hoursOf(day)) {
                Instant start = hour.atZone(zone).toInstant();
                List<BoardOrder> in = occupants.getOrDefault(start, List.of()).stream().map(orders::get)
                        .filter(java.util.Objects::nonNull).toList();
                hours.add(new BoardHour(start.atZone(zone).toOffsetDateTime(), start.plusSeconds(3600).atZone(zone).toOffsetDateTime(),
                        occupants.getOrDefault(start, List.of()).size(), service.capacity(), in));
            }
            board.add(new BoardService(service.id(), service.name(), zone.getId(), service.capacity(),
                    service.openingHours().describe(day), hours));
        }
        return new Board(day, board);
    }

    /** {@code GET /api/space/overbooked}: «Пересечения» — hours from today on held beyond the capacity, with their orders. */
    @GetMapping("/overbooked")
    public List<Overbooked> overbooked(Actor actor) {
        List<Overbooked> list = new ArrayList<>();
        Instant now = clock.instant();
        for (Catalog.Service service : services(null, actor)) {
            Instant from = LocalDate.ofInstant(now, service.timeZone()).atStartOfDay(service.timeZone()).toInstant();
            Map<Instant, List<String>> over = space.overbooked(service, from, now.plus(service.bookingHorizon()).plus(service.maxRentalLength()));
            Map<String, BoardOrder> orders = orders(over.values().stream().flatMap(Collection::stream).toList());
            over.forEach((hour, held) -> list.add(new Overbooked(service.id(), service.name(), hour.atZone(service.timeZone()).toOffsetDateTime(),
                    hour.plusSeconds(3600).atZone(service.timeZone()).toOffsetDateTime(), service.capacity(), held.size(),
                    held.stream().map(orders::get).filter(java.util.Objects::nonNull).toList())));
        }
        return list;
    }

    private List<Catalog.Service> services(String serviceId, Actor actor) {
        return catalog.reachableBy(actor, serviceId);
    }

    private Map<String, BoardOrder> orders(List<String> ids) {
        Map<String, BoardOrder> orders = new HashMap<>();
        if (ids.isEmpty()) {
            return orders;
        }
        jdbc.query("select order_id, number, visitor_name, status from order_summary where order_id in (:ids)", Map.of("ids", ids),
                rs -> {
                    String status = rs.getString(4);
                    orders.put(rs.getString(1), new BoardOrder(rs.getString(1), rs.getString(2), rs.getString(3), status,
                            com.orderdesk.shared.order.OrderStatus.valueOf(status).label()));
                });
        return orders;
    }
}
