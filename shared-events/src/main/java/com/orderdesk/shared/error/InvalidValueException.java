package com.orderdesk.shared.error;

/** A value could not be built from the input: validation failed on one field. */
public class InvalidValueException extends RejectedException {
    public InvalidValueException(String field, String detail) {
        super(new Rejection(ErrorCode.VALIDATION_FAILED, detail, field));
    }

    public String field() {
        return rejection().field();
    }
}
