package com.orderdesk.shared.error;

/**
 * The stable error codes of the HTTP contract (API.md, "Error codes"), with their HTTP status.
 * Clients switch on {@link #code()}; never rename one.
 */
public enum ErrorCode {
    VALIDATION_FAILED("validation-failed", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    ORDER_NOT_PAYABLE("order-not-payable", 409),
    ORDER_FINAL("order-final", 409),
    ORDER_NOT_CONFIRMED("order-not-confirmed", 409),
    RENTAL_NOT_OVER("rental-not-over", 409),
    /** a no-show is marked only once the rental started (issue 30) */
    RENTAL_NOT_STARTED("rental-not-started", 409),
    /** check-in outside the rental's window: another day, or too early (issue 30) */
    CHECK_IN_WRONG_DAY("check-in-wrong-day", 409),
    /** check-in while part of the price is unpaid: the remainder is taken at the desk first (issue 30) */
    ORDER_NOT_PAID("order-not-paid", 409),
    /** the guest was marked as not come: the order's places are freed (issue 30) */
    ORDER_NO_SHOW("order-no-show", 409),
    /** a no-show for a guest who checked in, or a check-out without a check-in (issue 30) */
    CHECK_IN_STATE("check-in-state", 409),
    /** a pass whose signature does not hold: forged, altered, or of another installation (issue 30) */
    PASS_INVALID("pass-invalid", 422),
    NOTHING_TO_REFUND("nothing-to-refund", 409),
    CONCURRENT_MODIFICATION("concurrent-modification", 409),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409),
    /** a guest cancelling after the service's cut-off, or once the rental started */
    CANCELLATION_WINDOW_CLOSED("cancellation-window-closed", 409),
    /** the same payment or refund id again, with another amount or method */
    PAYMENT_ID_CONFLICT("payment-id-conflict", 409),
    /** an hour of the period asked for has no free place; the problem lists the full hours as {@code conflicts} */
    NO_CAPACITY("no-capacity", 409),
    VERSION_MISMATCH("version-mismatch", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    AMOUNT_EXCEEDS_REMAINDER("amount-exceeds-remainder", 422),
    AMOUNT_EXCEEDS_REFUND_DUE("amount-exceeds-refund-due", 422),
    REMAINDER_BELOW_MINIMUM("remainder-below-minimum", 422),
    REFUND_EXCEEDS_PAID("refund-exceeds-paid", 422),
    /** Too many failed sign-ins for the account or from the address: wait {@code Retry-After} seconds. */
    TOO_MANY_REQUESTS("too-many-requests", 429),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    INTERNAL_ERROR("internal-error", 500),
    /** a stored event no longer reads as the event it was: damaged or tampered with (see the order's verify) */
    EVENT_UNREADABLE("event-unreadable", 500),
    UNAVAILABLE("unavailable", 503);

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
