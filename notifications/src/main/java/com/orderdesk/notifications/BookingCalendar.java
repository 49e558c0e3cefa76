package com.orderdesk.notifications;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

/**
 * The booking as an iCalendar event (RFC 5545, issue 30), written by ical4j: one {@code UID} per order for its whole
 * life, {@code SEQUENCE} raised by each change (a move, the cancellation), times in UTC (no {@code VTIMEZONE} to keep
 * right; calendars show them in the reader's zone). A mail carries it as an iTIP {@code REQUEST} (or {@code CANCEL} when
 * the booking is cancelled, RFC 5546), so the guest's calendar adds, moves or removes the one event; the download from
 * the guest's page is a {@code PUBLISH}.
 */
final class BookingCalendar {
    static final String REQUEST = "REQUEST";
    static final String CANCEL = "CANCEL";
    static final String PUBLISH = "PUBLISH";

    private BookingCalendar() {
    }

    /** The calendar text of {@code order} as of change {@code sequence}, for {@code method}; {@code organizer}: the sender's address. */
    static String of(Mails.OrderFacts order, int sequence, String method, Instant now, String organizer, String orderLink) {
        VEvent event = new VEvent(order.rentalStart(), order.rentalEnd(), order.serviceName() + " — заказ № " + order.number());
        event.add(new Uid(uid(order.orderId())));
        event.add(new Sequence(sequence));
        event.replace(new DtStamp(now)); // the event comes with one of its own (the wall clock): the service's clock decides
        event.add(new Location(order.serviceName()));
        event.add(new Status(CANCEL.equals(method) ? "CANCELLED" : "CONFIRMED"));
        event.add(new Description("Бронирование в коворкинге: заказ № " + order.number() + ", " + order.serviceName() + ", "
                + order.period() + " (время местное)." + (orderLink == null ? "" : " Заказ: " + orderLink)));
        if (orderLink != null) {
            try {
                event.add(new Url(URI.create(orderLink)));
            } catch (IllegalArgumentException notAUri) {
                // a public address set up wrong: the description still names the order
            }
        }
        if (!PUBLISH.equals(method)) {
            // iTIP: a request or a cancellation names who organises the event and whom it is for
            event.add(new Organizer(URI.create("mailto:" + organizer)).add(new Cn("Order Desk")));
            if (order.email() != null) {
                event.add(new Attendee(URI.create("mailto:" + order.email())).add(Role.REQ_PARTICIPANT).add(PartStat.ACCEPTED)
                        .add(new Rsvp(false)));
            }
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Order Desk//Бронирования//RU"));
        calendar.add(new Version(new net.fortuna.ical4j.model.ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(method));
        calendar.add(event);
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The event's one identifier, the same in every mail and download of the order. */
    static String uid(String orderId) {
        return orderId + "@order-desk";
    }
}
