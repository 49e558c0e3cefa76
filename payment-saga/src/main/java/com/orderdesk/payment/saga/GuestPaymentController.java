package com.orderdesk.payment.saga;

import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.query.FindOnlinePayment;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.RequestIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /api/my/orders/{orderId}/payment}: the guest's «Оплатить». Asks for an online payment of what is
 * left (an open one is reused) and answers with the gateway's payment page once the saga has created it.
 */
@RestController
@RequestMapping(path = "/api/my/orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class GuestPaymentController {
    private static final Duration WAIT = Duration.ofSeconds(15);

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
        commands.sendAndWait(new RequestOnlinePayment(id, requestId, guest));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            FindOnlinePayment.OnlinePayment payment = queries.query(new FindOnlinePayment(id), FindOnlinePayment.OnlinePayment.class).join();
            if (payment != null && payment.confirmationUrl() != null && "PENDING".equals(payment.status())) {
                return ResponseEntity.status(201).body(Map.of("confirmationUrl", payment.confirmationUrl(),
                        "amount", payment.amount(), "paymentId", payment.gatewayPaymentId()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new RejectedException(ErrorCode.UNAVAILABLE, "Платёжный шлюз не ответил вовремя. Повторите через минуту.");
    }
}
