package com.orderdesk.notifications;

import java.time.Clock;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.command.ConfirmVisitorEmail;
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
 * The links in mails, which act without a login — the signed token is the proof (docs/adr/013, 017). GET only asks
 * (mail scanners follow links; they must act for nobody), the page's button posts the token back:
 * <ul>
 *   <li>{@code /api/notifications/unsubscribe?token=…}, in every mail: mail to the address stops, for every order; it is
 *   recorded on the order the mail was about (its history and audit trail show it);</li>
 *   <li>{@code /api/notifications/confirm?token=…}, in the one mail to an address a guest gave that is not theirs: the
 *   order's mail may go there from now on (the order records it).</li>
 * </ul>
 * The button's form posts to the path alone, the token in its body: a post never carries the token twice.
 */
@RestController
class MailLinksController {
    private static final String UNSUBSCRIBE = "/api/notifications/unsubscribe";
    private static final String CONFIRM = "/api/notifications/confirm";
    private final MailLinks links;
    private final Outbox outbox;
    private final CommandGateway commands;
    private final Clock clock;

    MailLinksController(MailLinks links, Outbox outbox, CommandGateway commands, Clock clock) {
        this.clock = clock;
        this.links = links;
        this.outbox = outbox;
        this.commands = commands;
    }

    @GetMapping(path = UNSUBSCRIBE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> askUnsubscribe(@RequestParam(required = false) String token) {
        return links.read(MailLinks.UNSUBSCRIBE, token).map(link -> page(HttpStatus.OK, "Отписаться от писем?",
                "<p>Больше не присылать письма о заказах на адрес <b>" + Mails.escape(link.email()) + "</b>?</p>"
                        + form(UNSUBSCRIBE, token, "Отписаться")))
                .orElseGet(MailLinksController::invalid);
    }

    @PostMapping(path = UNSUBSCRIBE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        return links.read(MailLinks.UNSUBSCRIBE, token).map(link -> {
            commands.sendAndWait(Attribution.sentBy(byTheLink(link), new StopGuestMail(link.orderId(), link.email())), 30, TimeUnit.SECONDS);
            outbox.optOut(link.email(), link.orderId(), clock.instant());
            return page(HttpStatus.OK, "Готово", "<p>Письма о заказах на адрес <b>" + Mails.escape(link.email())
                    + "</b> больше не придут. Заказы и их статусы по-прежнему видны в приложении.</p>");
        }).orElseGet(MailLinksController::invalid);
    }

    @GetMapping(path = CONFIRM, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> askConfirm(@RequestParam(required = false) String token) {
        return links.read(MailLinks.CONFIRM, token).map(link -> page(HttpStatus.OK, "Подтвердить адрес?",
                "<p>Присылать письма о бронировании на адрес <b>" + Mails.escape(link.email()) + "</b>?</p>"
                        + "<p>Если вы ничего не бронировали, просто закройте эту страницу.</p>"
                        + form(CONFIRM, token, "Подтвердить адрес")))
                .orElseGet(MailLinksController::invalid);
    }

    @PostMapping(path = CONFIRM, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        return links.read(MailLinks.CONFIRM, token).map(link -> {
            commands.sendAndWait(Attribution.sentBy(byTheLink(link), new ConfirmVisitorEmail(link.orderId(), link.email())), 30,
                    TimeUnit.SECONDS);
            return page(HttpStatus.OK, "Адрес подтверждён", "<p>Письма о бронировании будут приходить на адрес <b>"
                    + Mails.escape(link.email()) + "</b>. Отписаться можно по ссылке в любом письме.</p>");
        }).orElseGet(MailLinksController::invalid);
    }

    /** Whoever holds the link: a guest known only by the address. */
    private static Actor byTheLink(MailLinks.Link link) {
        return new Actor("mail:" + link.email(), "Гость (по ссылке из письма)", Role.GUEST, Channel.GUEST_APP);
    }

    /** The button: posts the token, in its body only, to the link's path (no query string: the token once). */
    private static String form(String path, String token, String button) {
        return "<form method=\"post\" action=\"" + path + "\"><input type=\"hidden\" name=\"token\" value=\"" + Mails.escape(token)
                + "\"><button type=\"submit\">" + Mails.escape(button) + "</button></form>";
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
