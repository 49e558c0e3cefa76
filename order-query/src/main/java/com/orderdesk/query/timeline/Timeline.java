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

    /**
     * What the guest sees: system lines and public messages, staff as «менеджер» — as the author and in the words of
     * system lines, where the line's author, any of {@code staffNames} (the service's staff) or anyone of the staff who
     * ever wrote on this order (people leave; their names stay in old lines) is named.
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> forGuest(String orderId, List<String> staffNames) {
        List<TimelineEntry> all = entries.findByOrderIdOrderBySequenceAsc(orderId).stream().map(Timeline::entry).toList();
        List<String> names = new java.util.ArrayList<>(staffNames);
        all.stream().map(TimelineEntry::author).filter(author -> author != null && !"GUEST".equals(author.role())
                && !"SYSTEM".equals(author.role()) && author.name() != null).map(TimelineEntry.Author::name).distinct().forEach(names::add);
        return all.stream().filter(entry -> GUEST_KINDS.contains(entry.kind())).map(entry -> asGuestSeesIt(entry, names)).toList();
    }

    private static TimelineEntry asGuestSeesIt(TimelineEntry entry, List<String> staffNames) {
        if (entry.author() != null && "GUEST".equals(entry.author().role())) {
            return entry;
        }
        String text = entry.text();
        if ("SYSTEM".equals(entry.kind())) {
            List<String> names = new java.util.ArrayList<>(staffNames);
            if (entry.author() != null) {
                names.add(entry.author().name());
            }
            for (String name : names) {
                if (name != null && !name.isBlank()) {
                    text = text.replace(" " + name, "").replace(name, "менеджер");
                }
            }
        }
        TimelineEntry.Author author = entry.author() == null ? null : new TimelineEntry.Author(null, "менеджер", "STAFF");
        return new TimelineEntry(entry.at(), entry.kind(), author, text);
    }

    private static TimelineEntry entry(TimelineEntryRow row) {
        TimelineEntry.Author author = row.authorId == null ? null
                : new TimelineEntry.Author(row.authorId, row.authorName, row.authorRole);
        return new TimelineEntry(row.at.atZone(ZoneId.of(row.timeZone)).toOffsetDateTime(), row.kind, author, row.text);
    }
}
