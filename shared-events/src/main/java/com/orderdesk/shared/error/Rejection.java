package com.orderdesk.shared.error;

import java.util.List;
import java.util.Objects;

/**
 * Why a command was refused: a stable code and a Russian sentence fit to show a manager, the field it is about (or
 * null), and for {@code no-capacity} the full hours ({@code conflicts}, empty otherwise).
 * Travels as the details of a command failure, so it survives a distributed command bus.
 */
public record Rejection(ErrorCode code, String detail, String field, List<Conflict> conflicts) {
    /** An hour that had no free place: its start and end, ISO-8601 with the service's offset. */
    public record Conflict(String start, String end) {
    }

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    public Rejection(ErrorCode code, String detail, String field) {
        this(code, detail, field, List.of());
    }

    public Rejection(ErrorCode code, String detail) {
        this(code, detail, null);
    }
}
