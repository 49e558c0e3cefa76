package com.orderdesk.notifications;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking in the guest's calendar (issue 30): what BookingCalendar writes reads the same in ical4j and in biweekly
 * (a second, independent parser); an update keeps the event's UID and raises its SEQUENCE; a cancellation cancels it.
 */
class BookingCalendarTest {
    private static final Instant START = Instant.parse("2030-08-11T11:00:00Z");
    private static final Instant END = Instant.parse("2030-08-11T15:00:00Z");
    private static final Instant NOW = Instant.parse("2030-08-01T08:32:00Z");
    private static final Mails.OrderFacts ORDER = new Mails.OrderFacts("0f9a3b0e-0000-4000-8000-000000000001", "1006313",
            "Коворкинг на 2 этаже", ZoneId.of("Asia/Yekaterinburg"), START, END, "troshkov@example.com", "guest");
    private static final String LINK = "https://desk.example/my/orders/0f9a3b0e-0000-4000-8000-000000000001";

    private static String request(Mails.OrderFacts order, int sequence) {
        return BookingCalendar.of(order, sequence, BookingCalendar.REQUEST, NOW, "no-reply@orderdesk.local", LINK);
    }

    @Test
    void aRequestReadsTheSameInBothParsers() throws Exception {
        String ics = request(ORDER, 0);
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("\r\n").contains("METHOD:REQUEST")
                .contains("DTSTART:20300811T110000Z").contains("DTEND:20300811T150000Z");

        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        parsed.validate();
        net.fortuna.ical4j.model.component.VEvent event = parsed.getComponent("VEVENT").map(c -> (net.fortuna.ical4j.model.component.VEvent) c)
                .orElseThrow();
        assertThat(parsed.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("0f9a3b0e-0000-4000-8000-000000000001@order-desk");
        assertThat(event.getSequence().getSequenceNo()).isZero();
        assertThat(event.getSummary().getValue()).isEqualTo("Коворкинг на 2 этаже — заказ № 1006313");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:no-reply@orderdesk.local");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:troshkov@example.com");

        ICalendar other = Biweekly.parse(ics).first();
        assertThat(other).as("biweekly reads it").isNotNull();
        assertThat(other.validate(biweekly.ICalVersion.V2_0).isEmpty()).as(other.validate(biweekly.ICalVersion.V2_0).toString()).isTrue();
        assertThat(other.getMethod().getValue()).isEqualTo("REQUEST");
        VEvent same = other.getEvents().get(0);
        assertThat(same.getUid().getValue()).isEqualTo("0f9a3b0e-0000-4000-8000-000000000001@order-desk");
        assertThat(same.getDateStart().getValue()).isEqualTo(Date.from(START));
        assertThat(same.getDateEnd().getValue()).isEqualTo(Date.from(END));
        assertThat(same.getSequence().getValue()).isZero();
        assertThat(same.getDateTimeStamp().getValue()).as("stamped by the service's clock").isEqualTo(Date.from(NOW));
        assertThat(same.getLocation().getValue()).isEqualTo("Коворкинг на 2 этаже");
        assertThat(same.getDescription().getValue()).contains("заказ № 1006313").contains(LINK);
    }

    @Test
    void aMoveKeepsTheEventAndRaisesItsSequence() {
        Mails.OrderFacts moved = new Mails.OrderFacts(ORDER.orderId(), ORDER.number(), ORDER.serviceName(), ORDER.zone(),
                START.plusSeconds(86_400), END.plusSeconds(86_400), ORDER.email(), ORDER.guestId());
        VEvent before = Biweekly.parse(request(ORDER, 0)).first().getEvents().get(0);
        VEvent after = Biweekly.parse(request(moved, 1)).first().getEvents().get(0);
        assertThat(after.getUid().getValue()).isEqualTo(before.getUid().getValue());
        assertThat(after.getSequence().getValue()).isGreaterThan(before.getSequence().getValue());
        assertThat(after.getDateStart().getValue()).isEqualTo(Date.from(START.plusSeconds(86_400)));
    }

    @Test
    void aCancellationCancelsTheSameEvent() throws Exception {
        String ics = BookingCalendar.of(ORDER, 2, BookingCalendar.CANCEL, NOW, "no-reply@orderdesk.local", LINK);
        ICalendar parsed = Biweekly.parse(ics).first();
        assertThat(parsed.getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(parsed.getEvents().get(0).getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(parsed.getEvents().get(0).getSequence().getValue()).isEqualTo(2);
        assertThat(parsed.getEvents().get(0).getUid().getValue()).isEqualTo(BookingCalendar.uid(ORDER.orderId()));
        new CalendarBuilder().build(new StringReader(ics)).validate();
    }

    @Test
    void aDownloadIsAPublishWithoutParticipants() throws Exception {
        String ics = BookingCalendar.of(ORDER, 0, BookingCalendar.PUBLISH, NOW, "no-reply@orderdesk.local", LINK);
        assertThat(ics).contains("METHOD:PUBLISH").doesNotContain("ATTENDEE").doesNotContain("ORGANIZER");
        new CalendarBuilder().build(new StringReader(ics)).validate();
        assertThat(Biweekly.parse(ics).first().getEvents()).hasSize(1);
    }
}
