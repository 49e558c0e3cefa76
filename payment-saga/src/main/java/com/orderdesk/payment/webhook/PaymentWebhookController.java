package com.orderdesk.payment.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/webhooks/payments}: the gateway's notifications. Verified, then stored durably (deduplicated)
 * before the 200; nothing is acted on here. If the notification cannot be stored the answer is an error, so the
 * gateway delivers it again.
 */
@RestController
class PaymentWebhookController {
    static final Set<String> EVENTS = Set.of("payment.succeeded", "payment.canceled", "payment.waiting_for_capture",
            "refund.succeeded");
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final NotificationVerifier verifier;
    private final NotificationInbox inbox;
    private final InboxProcessor processor;
    private final ObjectMapper json;

    PaymentWebhookController(NotificationVerifier verifier, NotificationInbox inbox, InboxProcessor processor, ObjectMapper json) {
        this.verifier = verifier;
        this.inbox = inbox;
        this.processor = processor;
        this.json = json;
    }

    @PostMapping(path = "/api/webhooks/payments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> receive(@RequestBody byte[] body, HttpServletRequest request,
                                                       @RequestHeader(value = NotificationVerifier.SIGNATURE_HEADER, required = false) String signature) {
        verifier.refusal(request.getRemoteAddr(), signature, body).ifPresent(why -> {
            log.warn("Refused a payment notification from {}: {}", request.getRemoteAddr(), why);
            throw new RejectedException(ErrorCode.FORBIDDEN, "Уведомление не принято: " + why + ".");
        });
        JsonNode notification;
        try {
            notification = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new InvalidValueException("body", "Уведомление — некорректный JSON.");
        }
        String event = notification.path("event").asText("");
        String objectId = notification.path("object").path("id").asText("");
        if (!"notification".equals(notification.path("type").asText()) || !EVENTS.contains(event)
                || !objectId.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new InvalidValueException("body", "Неизвестное уведомление платёжного шлюза.");
        }
        boolean fresh = inbox.store(event, objectId, new String(body, StandardCharsets.UTF_8));
        if (fresh) {
            processor.wakeUp();
        }
        return ResponseEntity.ok(Map.of("status", fresh ? "accepted" : "duplicate"));
    }
}
