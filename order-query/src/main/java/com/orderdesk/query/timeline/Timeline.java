package com.orderdesk.query.timeline;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.List;

/** Reads an order's timeline: everything for staff, system lines and public messages for the guest. */
@Component
public class Timeline {
    private static final List<String> GUEST_KINDS = List.of("SYSTEM", "PUBLIC");

    private final TimelineRepository entries;

    Timeline(TimelineRepository entries) {
        this.entries = entries;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> forStaff(String orderId) {
        return entries.findByOrderIdOrderBySequenceAsc(orderId).stream().map(Timeline::entry).toList();
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> forGuest(String orderId) {
        return entries.findByOrderIdAndKindInOrderBySequenceAsc(orderId, GUEST_KINDS).stream().map(Timeline::entry)
                .map(Timeline::asGuestSeesIt).toList();
    }

    /** Guests see no staff ids: anyone of the staff is «менеджер». */
    private static TimelineEntry asGuestSeesIt(TimelineEntry entry) {
        if (entry.author() == null || "GUEST".equals(entry.author().role())) {
            return entry;
        }
        return new TimelineEntry(entry.at(), entry.kind(), new TimelineEntry.Author(null, "менеджер", "STAFF"), entry.text());
    }

    private static TimelineEntry entry(TimelineEntryRow row) {
        TimelineEntry.Author author = row.authorId == null ? null
                : new TimelineEntry.Author(row.authorId, row.authorName, row.authorRole);
        return new TimelineEntry(row.at.atZone(ZoneId.of(row.timeZone)).toOffsetDateTime(), row.kind, author, row.text);
    }
}
