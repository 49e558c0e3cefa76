package com.orderdesk.shared.error;

import java.util.Objects;

/**
 * Why a command was refused: a stable code and a Russian sentence fit to show a manager.
 * Travels as the details of a command failure, so it survives a distributed command bus.
 */
public record Rejection(ErrorCode code, String detail, String field) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    public Rejection(ErrorCode code, String detail) {
        this(code, detail, null);
    }
}
