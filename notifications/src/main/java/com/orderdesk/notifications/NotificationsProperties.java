package com.orderdesk.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code orderdesk.notifications.*}: mail to guests. Mail goes out only when a mail server is configured
 * ({@code spring.mail.host}, or the demo's own).
 */
@ConfigurationProperties("orderdesk.notifications")
public record NotificationsProperties(
        /** the sender guests see */
        @DefaultValue("Order Desk <no-reply@orderdesk.local>") String from,
        /** where guests reach the service: links in mails start here (placeholders resolved when a mail is written) */
        @DefaultValue("http://localhost:${server.port:8080}") String publicUrl,
        /** signs the links in mails (unsubscribe, confirm); the same on every node. Blank: a random key made once and kept in the database */
        @DefaultValue("") String unsubscribeSecret,
        /** tries per mail before it is given up and staff are told */
        @DefaultValue("8") int maxAttempts,
        /** the wait after the first failed try; doubled after each next one, up to {@code maxRetry} */
        @DefaultValue("5s") Duration firstRetry,
        @DefaultValue("10m") Duration maxRetry,
        /** how often the worker looks for mail to send */
        @DefaultValue("1s") Duration poll,
        /**
         * how long one node holds a mail it is sending before another may take it: longer than a send can last with the
         * SMTP timeouts (connect 10 s, then about ten commands of at most 30 s each), or a slow server's mail is sent twice
         */
        @DefaultValue("10m") Duration claim,
        /** the reminder goes out at this hour (the service's zone) the evening before the rental */
        @DefaultValue("18") int reminderHour,
        /** the warning that an online payment is about to expire goes out this long before its deadline */
        @DefaultValue("5m") Duration expiryWarning,
        /** mails sent at once by one node: a slow delivery holds one of them, never the others */
        @DefaultValue("4") int senders,
        /** mails to one address in an hour; more wait for the next hour */
        @DefaultValue("20") int perAddressPerHour,
        /** mails about one guest's orders in an hour; more wait for the next hour */
        @DefaultValue("30") int perGuestPerHour,
        /** mails asking to confirm an address, to one address in a day; more are not sent */
        @DefaultValue("3") int confirmationsPerAddressPerDay,
        /** mails asking to confirm an address, for one guest's orders in a day; more are not sent */
        @DefaultValue("10") int confirmationsPerGuestPerDay) {
}
