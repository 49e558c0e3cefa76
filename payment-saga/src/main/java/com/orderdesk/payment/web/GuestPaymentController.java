package com.orderdesk.payment.web;

import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.query.FindOnlinePayment;
import com.orderdesk.shared.order.query.FindOnlinePayment.OnlinePayment;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.RequestIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /api/my/orders/{orderId}/payment}: the guest's «Оплатить». Asks for an online payment of what is
 * left (an open one is reused) and answers with the gateway's payment page once the saga has created it.
 * <p>
 * This is the one wait left in the web layer (docs/adr/011): not for a read model — those are written with the
 * command — but for the gateway, which the saga calls after the command. The order form announces the payment page
 * the moment the saga records it; when the saga runs on another node the announcement stays there, so the order is
 * also read again every {@link #RECHECK}.
 */
@RestController
@RequestMapping(path = "/api/my/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class GuestPaymentController {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration RECHECK = Duration.ofMillis(500);

    private final CommandGateway commands;
    private final QueryGateway queries;

    GuestPaymentController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/{orderId}/payment")
    public ResponseEntity<Map<String, Object>> pay(@PathVariable String orderId, Actor guest,
                                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        String id = Check.orderId(orderId);
        String requestId = RequestIds.newId(guest, key, "pay");
        SubscriptionQueryResult<OnlinePayment, OnlinePayment> announced = queries.subscriptionQuery(new FindOnlinePayment(id),
                ResponseTypes.instanceOf(OnlinePayment.class), ResponseTypes.instanceOf(OnlinePayment.class));
        try {
            commands.sendAndWait(Attribution.sentBy(guest, new RequestOnlinePayment(id, requestId)));
            Flux<OnlinePayment> reread = Flux.interval(RECHECK)
                    .concatMap(tick -> Mono.fromFuture(queries.query(new FindOnlinePayment(id), OnlinePayment.class)));
            OnlinePayment payment = Flux.merge(announced.initialResult().flux(), announced.updates(), reread)
                    .filter(p -> p.confirmationUrl() != null && "PENDING".equals(p.status()))
                    .timeout(WAIT, Mono.empty())
                    .blockFirst();
            if (payment == null) {
                throw new RejectedException(ErrorCode.UNAVAILABLE, "Платёжный шлюз не ответил вовремя. Повторите через минуту.");
            }
            return ResponseEntity.status(201).body(Map.of("confirmationUrl", payment.confirmationUrl(),
                    "amount", payment.amount(), "paymentId", payment.gatewayPaymentId()));
        } finally {
            announced.close();
        }
    }
}
