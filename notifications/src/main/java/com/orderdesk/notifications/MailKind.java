package com.orderdesk.notifications;

/** The mails a guest gets about an order. */
public enum MailKind {
    CONFIRMED, MESSAGE, PAYMENT, CANCELLED, REFUND, REMINDER, PAYMENT_EXPIRING
}
