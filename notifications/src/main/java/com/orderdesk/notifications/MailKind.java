package com.orderdesk.notifications;

/** The mails a guest gets about an order. */
public enum MailKind {
    CONFIRMED, MESSAGE, PAYMENT, CANCELLED, REFUND, REMINDER, PAYMENT_EXPIRING,
    /** The booking moved to other hours (issue 27). */
    RESCHEDULED,
    /** The one mail to an address a guest gave that is not theirs: it asks whoever reads it to confirm it. */
    CONFIRM_ADDRESS
}
