package com.orderdesk.command.web;

import com.orderdesk.command.web.Requests.GuestCancellationRequest;
import com.orderdesk.command.web.Requests.Changed;
import com.orderdesk.command.web.Requests.GuestMessageRequest;
import com.orderdesk.command.web.Requests.GuestPlaceOrderRequest;
import com.orderdesk.command.web.Requests.MessageRecorded;
import com.orderdesk.command.web.Requests.PlacedOrder;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.RescheduleOrder;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.RequestIds;
import com.orderdesk.shared.value.SignedInEmail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * What a guest may change on their own orders (API.md "Guest"): place online (it then waits for payment),
 * write a public message, cancel. Someone else's order answers 404 — the aggregate decides.
 */
@RestController
@RequestMapping(path = "/api/my/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class GuestCommandController {
    static final String GUEST_CANCELLED = "Гость отменил бронирование";
    private final OrderCommands commands;

    public GuestCommandController(OrderCommands commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PlacedOrder> place(@RequestBody GuestPlaceOrderRequest body, Actor guest, SignedInEmail guestEmail,
                                             @RequestHeader(value = OrderCommandController.IDEMPOTENCY_KEY, required = false) String key) {
        Check.present(body, "body", "тело запроса");
        String orderId = RequestIds.newId(guest, key, "order");
        PlaceOrder.Placed placed = commands.place(new PlaceOrder(orderId, body.serviceId(), body.tariffId(), body.rentalPeriod(),
                body.ticketNumber(), body.visitor(), body.applicant(), body.paymentPlan(), guest.id(), guestEmail), guest);
        return ResponseEntity.created(URI.create("/api/my/orders/" + orderId)).eTag("\"" + placed.version() + "\"")
                .body(new PlacedOrder(orderId, placed.number().value(), placed.version()));
    }

    @PostMapping(path = "/{orderId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MessageRecorded> postMessage(@PathVariable String orderId, @RequestBody GuestMessageRequest body,
                                                       Actor guest,
                                                       @RequestHeader(value = OrderCommandController.IDEMPOTENCY_KEY, required = false) String key) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        String messageId = RequestIds.newId(guest, key, "message");
        long version = commands.send(new PostMessage(id, messageId, Visibility.PUBLIC, body.text(), null), guest);
        return ResponseEntity.created(URI.create("/api/my/orders/" + id)).eTag("\"" + version + "\"")
                .body(new MessageRecorded(id, messageId, version));
    }

    /** The guest moves their booking, until the service's cancellation cut-off (issue 27). */
    @PostMapping(path = "/{orderId}/rescheduling", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Changed> reschedule(@PathVariable String orderId, @RequestBody Requests.GuestReschedulingRequest body, Actor guest,
                                              @RequestHeader(value = OrderCommandController.IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        return OrderCommandController.changed(id, commands.send(
                new RescheduleOrder(id, body.rentalPeriod(), null, CommandHeaders.expectedVersion(ifMatch)), guest));
    }

    @PostMapping(path = "/{orderId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Changed> cancel(@PathVariable String orderId, @RequestBody(required = false) GuestCancellationRequest body, Actor guest,
                                          @RequestHeader(value = OrderCommandController.IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? GUEST_CANCELLED : body.reason();
        return OrderCommandController.changed(id, commands.send(
                new CancelOrder(id, reason, CommandHeaders.expectedVersion(ifMatch), null), guest));
    }
}
