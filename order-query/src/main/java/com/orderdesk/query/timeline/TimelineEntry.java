package com.orderdesk.query.timeline;

import java.time.OffsetDateTime;

/** API.md: {@code {"at","kind":"SYSTEM|PUBLIC|INTERNAL","author":{"id","name","role"}|null,"text"}}. */
public record TimelineEntry(OffsetDateTime at, String kind, Author author, String text) {
    public record Author(String id, String name, String role) {
    }
}
