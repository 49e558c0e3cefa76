package com.orderdesk.query.ticket;

import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetails;
import com.orderdesk.shared.access.ServiceAccess;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.ticket.Passes;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guest's pass (issue 30, docs/adr/022): its code and its QR picture, for the guest on their order's page and for
 * staff on the ticket. A pass is a confirmed order's: before confirmation there is nothing to show at the reception, and
 * after it (completed, cancelled, not come) nothing to let in. Never cached by the browser or a proxy: it lets its holder
 * in.
 */
@RestController
class PassController {
    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");
    private final OrderDetails details;
    private final ServiceAccess access;
    private final Passes passes;

    PassController(OrderDetails details, ServiceAccess access, Passes passes) {
        this.details = details;
        this.access = access;
        this.passes = passes;
    }

    /** What the ticket shows of its pass: the code a scanner reads (also typed by hand) and the ticket's number. */
    public record Pass(String orderId, String number, String ticketNumber, String code) {
    }

    @GetMapping(path = "/api/orders/{orderId}/pass", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Pass> staffPass(@PathVariable String orderId, Actor actor) {
        return json(pass(staffs(orderId, actor)));
    }

    @GetMapping(path = "/api/orders/{orderId}/pass.svg", produces = "image/svg+xml")
    public ResponseEntity<String> staffPicture(@PathVariable String orderId, Actor actor) {
        return svg(pass(staffs(orderId, actor)));
    }

    @GetMapping(path = "/api/my/orders/{orderId}/pass", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Pass> guestPass(@PathVariable String orderId, Actor guest) {
        return json(pass(own(orderId, guest)));
    }

    @GetMapping(path = "/api/my/orders/{orderId}/pass.svg", produces = "image/svg+xml")
    public ResponseEntity<String> guestPicture(@PathVariable String orderId, Actor guest) {
        return svg(pass(own(orderId, guest)));
    }

    private OrderDetail staffs(String orderId, Actor actor) {
        return details.find(Check.orderId(orderId)).filter(found -> access.reachOf(actor).covers(found.service().id()))
                .orElseThrow(RejectedException::notFound);
    }

    private OrderDetail own(String orderId, Actor guest) {
        return details.findForGuest(Check.orderId(orderId), guest.id()).orElseThrow(RejectedException::notFound);
    }

    private Pass pass(OrderDetail order) {
        if (order.status() != OrderStatus.CONFIRMED) {
            throw new RejectedException(ErrorCode.ORDER_NOT_CONFIRMED, "Пропуск есть у подтверждённого заказа; этот — «"
                    + order.statusLabel() + "».");
        }
        return new Pass(order.orderId(), order.number(), order.ticket() == null ? order.number() : order.ticket().number(),
                passes.codeOf(order.orderId(), order.number()));
    }

    private static ResponseEntity<Pass> json(Pass pass) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(pass);
    }

    private static ResponseEntity<String> svg(Pass pass) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(SVG)
                .body(QrSvg.of(pass.code(), "Пропуск по билету № " + pass.ticketNumber()));
    }
}
