package com.orderdesk.query.detail;

import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.value.Check;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/orders/{orderId}}: the order form, built from the order's events. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrderDetailController {
    private final EventStore eventStore;

    public OrderDetailController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/{orderId}")
    public ResponseEntity<OrderDetail> detail(@PathVariable String orderId) {
        String id = Check.orderId(orderId);
        OrderDetailFold fold = new OrderDetailFold();
        DomainEventStream stream = eventStore.readEvents(id);
        stream.forEachRemaining(message -> fold.apply(message.getPayload(), message.getSequenceNumber()));
        if (fold.isEmpty()) {
            throw RejectedException.notFound();
        }
        OrderDetail detail = fold.toDetail();
        return ResponseEntity.ok().eTag("\"" + detail.version() + "\"").body(detail);
    }
}
