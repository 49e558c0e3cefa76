package com.orderdesk.query.web;

import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetails;
import com.orderdesk.query.list.OrderList;
import com.orderdesk.query.list.OrderSummary;
import com.orderdesk.query.timeline.Timeline;
import com.orderdesk.query.timeline.TimelineEntry;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.OrderNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.ZoneId;
import java.util.List;

/** The staff (and auditor) query endpoints of API.md: list, detail, by number, timeline, live updates. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class StaffOrderQueryController {
    private final OrderList list;
    private final OrderDetails details;
    private final Timeline timeline;
    private final LiveUpdates live;
    private final ZoneId zone;

    StaffOrderQueryController(OrderList list, OrderDetails details, Timeline timeline, LiveUpdates live,
                              @Value("${orderdesk.time-zone:Europe/Moscow}") String zone) {
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
                                               @RequestParam(required = false) Integer size) {
        return list.find(ListParameters.criteria(status, paymentStatus, serviceId, executorId, q, createdFrom, createdTo,
                sort, page, size, null, zone), PaymentStatus::label);
    }

    @GetMapping("/{orderId}")
    public ResponseEntity<OrderDetail> detail(@PathVariable String orderId) {
        return withETag(details.find(Check.orderId(orderId)).orElseThrow(RejectedException::notFound));
    }

    @GetMapping("/by-number/{number}")
    public ResponseEntity<OrderDetail> byNumber(@PathVariable String number) {
        if (!number.matches("[1-9]\\d{6}")) {
            throw RejectedException.notFound();
        }
        return withETag(details.findByNumber(new OrderNumber(number).value()).orElseThrow(RejectedException::notFound));
    }

    @GetMapping("/{orderId}/timeline")
    public List<TimelineEntry> timeline(@PathVariable String orderId) {
        String id = existing(orderId);
        return timeline.forStaff(id);
    }

    @GetMapping(path = "/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<OrderDetail>> updates(@PathVariable String orderId) {
        return live.of(existing(orderId), update -> true, detail -> detail);
    }

    private String existing(String orderId) {
        String id = Check.orderId(orderId);
        if (details.versionOf(id) < 0) {
            throw RejectedException.notFound();
        }
        return id;
    }

    static ResponseEntity<OrderDetail> withETag(OrderDetail detail) {
        return ResponseEntity.ok().eTag("\"" + detail.version() + "\"").body(detail);
    }
}
