package com.orderdesk.query.web;

import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetails;
import com.orderdesk.query.detail.OrderUpdate;
import com.orderdesk.query.list.OrderList;
import com.orderdesk.query.list.OrderSummary;
import com.orderdesk.query.timeline.Timeline;
import com.orderdesk.query.timeline.TimelineEntry;
import com.orderdesk.shared.access.ServiceAccess;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
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

/**
 * The guest's own orders: another guest's order is 404, the timeline holds system lines and public messages
 * only, and live updates skip internal changes.
 */
@RestController
@RequestMapping(path = "/api/my/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class GuestOrderQueryController {
    private final OrderList list;
    private final OrderDetails details;
    private final Timeline timeline;
    private final LiveUpdates live;
    private final ZoneId zone;
    private final ServiceAccess access;

    GuestOrderQueryController(OrderList list, OrderDetails details, Timeline timeline, LiveUpdates live, ServiceAccess access,
                              @Value("${orderdesk.time-zone:Europe/Moscow}") String zone) {
        this.access = access;
        this.list = list;
        this.details = details;
        this.timeline = timeline;
        this.live = live;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    public OrderList.PageOf<OrderSummary> list(Actor guest, @RequestParam(required = false) String status,
                                               @RequestParam(required = false) String sort,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return list.find(ListParameters.criteria(status, null, null, null, null, null, null, sort, page, size,
                guest.id(), zone), PaymentStatus::guestLabel);
    }

    @GetMapping("/{orderId}")
    public ResponseEntity<OrderDetail> detail(Actor guest, @PathVariable String orderId) {
        return StaffOrderQueryController.withETag(own(guest, orderId));
    }

    @GetMapping("/{orderId}/timeline")
    public List<TimelineEntry> timeline(Actor guest, @PathVariable String orderId) {
        OrderDetail order = own(guest, orderId);
        // staff are «менеджер» to guests, in the lines' words too (lines written before texts named nobody included)
        List<String> staffNames = access.staffOf(order.service().id()).stream().map(ServiceAccess.StaffMember::name).toList();
        return timeline.forGuest(order.orderId(), staffNames);
    }

    @GetMapping(path = "/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<OrderDetail>> updates(Actor guest, @PathVariable String orderId) {
        return live.of(own(guest, orderId).orderId(), OrderUpdate::guestVisible, OrderDetail::asGuestSeesIt);
    }

    private OrderDetail own(Actor guest, String orderId) {
        return details.findForGuest(Check.orderId(orderId), guest.id()).orElseThrow(RejectedException::notFound);
    }
}
