package com.orderdesk.command.web;

import com.orderdesk.command.web.Requests.CancellationRequest;
import com.orderdesk.command.web.Requests.Changed;
import com.orderdesk.command.web.Requests.DeskRefundRequest;
import com.orderdesk.command.web.Requests.ExecutorRequest;
import com.orderdesk.command.web.Requests.ManagerPaymentRequest;
import com.orderdesk.command.web.Requests.MessageRecorded;
import com.orderdesk.command.web.Requests.MessageRequest;
import com.orderdesk.command.web.Requests.PaymentRecorded;
import com.orderdesk.command.web.Requests.PlaceOrderRequest;
import com.orderdesk.command.web.Requests.PlacedOrder;
import com.orderdesk.command.web.Requests.RefundRecorded;
import com.orderdesk.shared.order.command.AssignExecutor;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.RescheduleOrder;
import com.orderdesk.shared.order.CheckInMethod;
import com.orderdesk.shared.order.command.CheckInGuest;
import com.orderdesk.shared.order.command.CheckOutGuest;
import com.orderdesk.shared.order.command.CompleteOrder;
import com.orderdesk.shared.order.command.MarkNoShow;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.order.command.RecordDeskRefund;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.command.UnassignExecutor;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.RequestIds;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The staff command endpoints of API.md. Thin: parse, build the command, send it, map the answer.
 * Authorization is by path in the application's security rules; errors map to problem+json in one place.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderCommandController {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";

    private final OrderCommands commands;

    public OrderCommandController(OrderCommands commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PlacedOrder> place(@RequestBody PlaceOrderRequest body, Actor actor,
                                             @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String orderId = RequestIds.newId(actor, key, "order");
        Check.present(body, "body", "тело запроса");
        PlaceOrder.Placed placed = commands.place(new PlaceOrder(orderId, body.serviceId(), body.tariffId(), body.rentalPeriod(),
                body.ticketNumber(), body.visitor(), body.applicant(), body.paymentPlan(), body.guestId()), actor);
        return ResponseEntity.created(URI.create("/api/orders/" + orderId)).eTag("\"" + placed.version() + "\"")
                .body(new PlacedOrder(orderId, placed.number().value(), placed.version()));
    }

    @PostMapping(path = "/{orderId}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentRecorded> recordPayment(@PathVariable String orderId, @RequestBody ManagerPaymentRequest body,
                                                         Actor actor,
                                                         @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
                                                         @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        String paymentId = body.paymentId() != null ? Check.text(body.paymentId(), "paymentId", "идентификатор платежа", 200)
                : RequestIds.newId(actor, key, "payment");
        long version = commands.send(new RecordManagerPayment(id, paymentId, body.amount(), body.method(), body.note(),
                CommandHeaders.expectedVersion(ifMatch)), actor);
        return created(id, version, new PaymentRecorded(id, paymentId, version));
    }

    @PutMapping(path = "/{orderId}/executor", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Changed> assignExecutor(@PathVariable String orderId, @RequestBody ExecutorRequest body, Actor actor,
                                                  @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        return changed(id, commands.send(new AssignExecutor(id, body.executorId(), body.executorName(),
                CommandHeaders.expectedVersion(ifMatch)), actor));
    }

    @DeleteMapping("/{orderId}/executor")
    public ResponseEntity<Changed> unassignExecutor(@PathVariable String orderId, Actor actor,
                                                    @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        return changed(id, commands.send(new UnassignExecutor(id, CommandHeaders.expectedVersion(ifMatch)), actor));
    }

    /** Moves the order to another period (issue 27): re-priced; {@code 409 no-capacity} when it does not fit. */
    @PostMapping(path = "/{orderId}/rescheduling", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Changed> reschedule(@PathVariable String orderId, @RequestBody Requests.ReschedulingRequest body, Actor actor,
                                              @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        return changed(id, commands.send(new RescheduleOrder(id, body.rentalPeriod(), body.reason(), CommandHeaders.expectedVersion(ifMatch)), actor));
    }

    @PostMapping(path = "/{orderId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Changed> cancel(@PathVariable String orderId, @RequestBody CancellationRequest body, Actor actor,
                                          @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        return changed(id, commands.send(new CancelOrder(id, body.reason(), CommandHeaders.expectedVersion(ifMatch), body.refundAmount()), actor));
    }

    @PostMapping(path = "/{orderId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MessageRecorded> postMessage(@PathVariable String orderId, @RequestBody MessageRequest body, Actor actor,
                                                       @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
                                                       @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        String messageId = RequestIds.newId(actor, key, "message");
        long version = commands.send(new PostMessage(id, messageId, body.visibility(), body.text(),
                CommandHeaders.expectedVersion(ifMatch)), actor);
        return created(id, version, new MessageRecorded(id, messageId, version));
    }

    @PostMapping("/{orderId}/completion")
    public ResponseEntity<Changed> complete(@PathVariable String orderId, Actor actor,
                                            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        return changed(id, commands.send(new CompleteOrder(id, CommandHeaders.expectedVersion(ifMatch)), actor));
    }

    /**
     * Marks the guest as arrived (issue 30) from the order's form or ticket: {@code 200} with when, and {@code already}
     * when they had checked in before (nothing changes).
     */
    @PostMapping("/{orderId}/check-in")
    public ResponseEntity<CheckInGuest.CheckedIn> checkIn(@PathVariable String orderId, Actor actor,
                                                          @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        CheckInGuest.CheckedIn checkedIn = commands.checkIn(new CheckInGuest(id, CheckInMethod.ORDER_FORM, CommandHeaders.expectedVersion(ifMatch)), actor);
        return ResponseEntity.ok().eTag("\"" + checkedIn.version() + "\"").body(checkedIn);
    }

    @PostMapping("/{orderId}/check-out")
    public ResponseEntity<Changed> checkOut(@PathVariable String orderId, Actor actor,
                                            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        return changed(id, commands.send(new CheckOutGuest(id, CommandHeaders.expectedVersion(ifMatch)), actor));
    }

    /** «Не пришёл» by hand (issue 30): once the rental started, for a guest who did not check in; the places are freed. */
    @PostMapping("/{orderId}/no-show")
    public ResponseEntity<Changed> noShow(@PathVariable String orderId, Actor actor,
                                          @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        return changed(id, commands.send(new MarkNoShow(id, CommandHeaders.expectedVersion(ifMatch)), actor));
    }

    @PostMapping(path = "/{orderId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RefundRecorded> recordRefund(@PathVariable String orderId, @RequestBody DeskRefundRequest body, Actor actor,
                                                       @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
                                                       @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        String id = Check.orderId(orderId);
        Check.present(body, "body", "тело запроса");
        String refundId = body.refundId() != null ? Check.text(body.refundId(), "refundId", "идентификатор возврата", 200)
                : RequestIds.newId(actor, key, "refund");
        long version = commands.send(new RecordDeskRefund(id, refundId, body.amount(), body.method(),
                CommandHeaders.expectedVersion(ifMatch)), actor);
        return created(id, version, new RefundRecorded(id, refundId, version));
    }

    static <T> ResponseEntity<T> created(String orderId, long version, T body) {
        return ResponseEntity.created(URI.create("/api/orders/" + orderId)).eTag("\"" + version + "\"").body(body);
    }

    static ResponseEntity<Changed> changed(String orderId, long version) {
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(new Changed(orderId, version));
    }
}
