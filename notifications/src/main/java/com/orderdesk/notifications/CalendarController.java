package com.orderdesk.notifications;

import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * «Добавить в календарь» on the guest's order page (issue 30): the booking as an iCalendar file — the same event
 * ({@code UID}) the mails carry, at its latest {@code SEQUENCE}, cancelled when the booking is.
 */
@RestController
class CalendarController {
    private static final MediaType CALENDAR = MediaType.valueOf("text/calendar;charset=UTF-8");
    private final Outbox outbox;
    private final Clock clock;
    private final NotificationsProperties settings;
    private final org.springframework.core.env.Environment environment;
    private final String organizer;

    CalendarController(Outbox outbox, Clock clock, NotificationsProperties settings, org.springframework.core.env.Environment environment) {
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
        this.environment = environment;
        try {
            this.organizer = new jakarta.mail.internet.InternetAddress(settings.from()).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("orderdesk.notifications.from is not an address: " + settings.from(), e);
        }
    }

    @GetMapping(path = "/api/my/orders/{orderId}/calendar.ics", produces = "text/calendar")
    public ResponseEntity<String> calendar(@PathVariable String orderId, Actor guest) {
        Mails.OrderFacts order = outbox.guestsOrder(Check.orderId(orderId), guest.id()).orElseThrow(RejectedException::notFound);
        Outbox.CalendarState state = outbox.calendar(order.orderId());
        String ics = BookingCalendar.of(order, state.sequence(), state.cancelled() ? BookingCalendar.CANCEL : BookingCalendar.PUBLISH,
                clock.instant(), organizer, base() + "/my/orders/" + order.orderId());
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(org.springframework.http.CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("booking-" + order.number() + ".ics").build().toString())
                .body(ics);
    }

    /** The service's public address, read when asked (the port of a test's server is known only once it runs). */
    private String base() {
        String url = environment.resolvePlaceholders(settings.publicUrl());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
