package com.orderdesk.shared.error;

/** A rule refused the request; nothing changed. */
public class RejectedException extends RuntimeException {
    private final Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.code().code() + ": " + rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public RejectedException(ErrorCode code, String detail) {
        this(new Rejection(code, detail));
    }

    public static RejectedException notFound() {
        return new RejectedException(ErrorCode.NOT_FOUND, "Заказ не найден.");
    }

    public Rejection rejection() {
        return rejection;
    }

    public ErrorCode code() {
        return rejection.code();
    }
}
