package com.orderdesk.query.web;

import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetails;
import com.orderdesk.query.list.OrderList;
import com.orderdesk.query.list.OrderListCriteria;
import com.orderdesk.query.list.OrderSummary;
import com.orderdesk.query.export.Spreadsheet;
import com.orderdesk.query.timeline.Timeline;
import com.orderdesk.query.timeline.TimelineEntry;
import com.orderdesk.shared.access.Reach;
import com.orderdesk.shared.access.ServiceAccess;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.OrderNumber;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The staff (and auditor) query endpoints of API.md: list, detail, by number, timeline, live updates, export. A manager
 * meets only the orders of services they are responsible for; any other is not found, whichever way it is asked for.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class StaffOrderQueryController {
    private final OrderList list;
    private final OrderDetails details;
    private final Timeline timeline;
    private final LiveUpdates live;
    private final ServiceAccess access;
    private final ZoneId zone;
    private final Clock clock;

    StaffOrderQueryController(OrderList list, OrderDetails details, Timeline timeline, LiveUpdates live, ServiceAccess access,
                              @Value("${orderdesk.time-zone:Europe/Moscow}") String zone, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.list = list;
        this.details = details;
        this.timeline = timeline;
        this.live = live;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    public OrderList.PageOf<OrderSummary> list(@RequestParam(required = false) String status,
                                               @RequestParam(required = false) String paymentStatus,
                                               @RequestParam(required = false) String serviceId,
                                               @RequestParam(required = false) String executorId,
                                               @RequestParam(required = false) String q,
                                               @RequestParam(required = false) String createdFrom,
                                               @RequestParam(required = false) String createdTo,
                                               @RequestParam(required = false) String sort,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size, Actor actor) {
        return list.find(ListParameters.criteria(status, paymentStatus, serviceId, executorId, q, createdFrom, createdTo,
                sort, page, size, null, zone).within(access.reachOf(actor)), PaymentStatus::label);
    }

    /**
     * {@code GET /api/orders/export?format=csv|xlsx} with the list's filters and sort: every matching order (no paging)
     * as a file named for the day, in the service's zone. Written on the request's own (virtual) thread as the rows are
     * read, into a temporary file first: the answer is the whole file or an error before its first byte, never a 200
     * cut short; no async time-out cuts a large export short, and nothing is held in memory.
     */
    @GetMapping(path = "/export", produces = {"text/csv", Spreadsheet.MEDIA_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public void export(@RequestParam(required = false) String format, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String paymentStatus, @RequestParam(required = false) String serviceId,
                       @RequestParam(required = false) String executorId, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String createdFrom, @RequestParam(required = false) String createdTo,
                       @RequestParam(required = false) String sort, Actor actor, HttpServletResponse response) throws IOException {
        String kind = format == null || format.isBlank() ? "xlsx" : format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new InvalidValueException("format", "Формат выгрузки — csv или xlsx.");
        }
        OrderListCriteria criteria = ListParameters.criteria(status, paymentStatus, serviceId, executorId, q, createdFrom,
                createdTo, sort, 0, 1, null, zone).within(access.reachOf(actor));
        OrderListExport.Rows rows = each -> list.forEach(criteria, PaymentStatus::label, each);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("orderdesk-export-", "." + kind);
        try {
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
                if (kind.equals("csv")) {
                    OrderListExport.csv(rows, out);
                } else {
                    OrderListExport.xlsx(rows, out);
                }
            }
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("orders-" + LocalDate.ofInstant(clock.instant(), zone) + "." + kind).build().toString());
            response.setContentType(kind.equals("csv") ? "text/csv;charset=UTF-8" : Spreadsheet.MEDIA_TYPE);
            response.setContentLengthLong(java.nio.file.Files.size(file));
            java.nio.file.Files.copy(file, response.getOutputStream());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @GetMapping("/{orderId}")
    public ResponseEntity<OrderDetail> detail(@PathVariable String orderId, Actor actor) {
        return withETag(reachable(details.find(Check.orderId(orderId)), actor));
    }

    @GetMapping("/by-number/{number}")
    public ResponseEntity<OrderDetail> byNumber(@PathVariable String number, Actor actor) {
        if (!number.matches("[1-9]\\d{6}")) {
            throw RejectedException.notFound();
        }
        return withETag(reachable(details.findByNumber(new OrderNumber(number).value()), actor));
    }

    /** The order form when the order is of a service the actor reaches; not found otherwise, as if there were none. */
    private OrderDetail reachable(java.util.Optional<OrderDetail> detail, Actor actor) {
        Reach reach = access.reachOf(actor);
        return detail.filter(found -> reach.covers(found.service().id())).orElseThrow(RejectedException::notFound);
    }

    @GetMapping("/{orderId}/timeline")
    public List<TimelineEntry> timeline(@PathVariable String orderId, Actor actor) {
        String id = reachable(orderId, actor);
        return timeline.forStaff(id);
    }

    @GetMapping(path = "/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<OrderDetail>> updates(@PathVariable String orderId, Actor actor) {
        return live.of(reachable(orderId, actor), update -> true, detail -> detail);
    }

    /** The order's id when it exists and is of a service the actor reaches (an order never changes service). */
    private String reachable(String orderId, Actor actor) {
        String id = Check.orderId(orderId);
        if (!details.serviceOf(id).map(access.reachOf(actor)::covers).orElse(false)) {
            throw RejectedException.notFound();
        }
        return id;
    }

    static ResponseEntity<OrderDetail> withETag(OrderDetail detail) {
        return ResponseEntity.ok().eTag("\"" + detail.version() + "\"").body(detail);
    }
}
