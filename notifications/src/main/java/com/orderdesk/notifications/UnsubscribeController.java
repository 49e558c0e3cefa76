package com.orderdesk.notifications;

import java.time.Clock;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.command.StopGuestMail;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.TimeUnit;

/**
 * {@code /api/notifications/unsubscribe?token=…}, the link in every mail. GET asks (mail scanners follow links; they
 * must not unsubscribe anyone), POST turns mail off for the address: no login, the signed token is the proof. It is
 * recorded on the order the mail was about (its history and audit trail show it) and holds for every order.
 */
@RestController
class UnsubscribeController {
    private final UnsubscribeLinks links;
    private final Outbox outbox;
    private final CommandGateway commands;
    private final Clock clock;

    UnsubscribeController(UnsubscribeLinks links, Outbox outbox, CommandGateway commands, Clock clock) {
        this.clock = clock;
        this.links = links;
        this.outbox = outbox;
        this.commands = commands;
    }

    @GetMapping(path = "/api/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ask(@RequestParam(required = false) String token) {
        return links.read(token).map(link -> page(HttpStatus.OK, "Отписаться от писем?",
                "<p>Больше не присылать письма о заказах на адрес <b>" + Mails.escape(link.email()) + "</b>?</p>"
                        + "<form method=\"post\"><input type=\"hidden\" name=\"token\" value=\"" + Mails.escape(token) + "\">"
                        + "<button type=\"submit\">Отписаться</button></form>"))
                .orElseGet(UnsubscribeController::invalid);
    }

    @PostMapping(path = "/api/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        return links.read(token).map(link -> {
            Actor guest = new Actor("mail:" + link.email(), "Гость (по ссылке из письма)", Role.GUEST, Channel.GUEST_APP);
            commands.sendAndWait(Attribution.sentBy(guest, new StopGuestMail(link.orderId(), link.email())), 30, TimeUnit.SECONDS);
            outbox.optOut(link.email(), link.orderId(), clock.instant());
            return page(HttpStatus.OK, "Готово", "<p>Письма о заказах на адрес <b>" + Mails.escape(link.email())
                    + "</b> больше не придут. Заказы и их статусы по-прежнему видны в приложении.</p>");
        }).orElseGet(UnsubscribeController::invalid);
    }

    private static ResponseEntity<String> invalid() {
        return page(HttpStatus.NOT_FOUND, "Ссылка недействительна", "<p>Ссылка повреждена или устарела. Откройте её из последнего письма.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                        + "initial-scale=1\"><title>" + Mails.escape(title) + " — Order Desk</title><link rel=\"stylesheet\" href=\"/assets/app.css\">"
                        + "</head><body><main><div class=\"card section\"><h1>" + Mails.escape(title) + "</h1>" + body + "</div></main></body></html>");
    }
}
