package com.orderdesk.notifications;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The mail outbox and what the notifications processor keeps of orders, in plain SQL (the module's own tables,
 * V10). Written in the processor's transaction, with its token; read and updated by the worker.
 */
@Component
class Outbox {
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";
    /** Decided for an address that awaits confirmation: sent once it is confirmed, never before. */
    static final String HELD = "HELD";
    /** The address is the guest's own or stated by staff. */
    static final String PROVEN = "PROVEN";
    static final String UNCONFIRMED = "UNCONFIRMED";
    static final String CONFIRMED = "CONFIRMED";
    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /**
     * The order's facts for its mails, with where its address stands ({@link #PROVEN} or {@link #UNCONFIRMED}) written
     * with them: nothing that fails later in the same handling can leave an unproven address taken as proven.
     */
    void remember(Mails.OrderFacts order, String emailState) {
        if (jdbc.update("update notification_order set email = ?, guest_id = ? where order_id = ?", order.email(), order.guestId(),
                order.orderId()) == 0) {
            jdbc.update("insert into notification_order (order_id, order_number, service_name, time_zone, rental_start, rental_end, email, "
                            + "guest_id, email_state) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", order.orderId(), order.number(), order.serviceName(),
                    order.zone().getId(), utc(order.rentalStart()), utc(order.rentalEnd()), order.email(), order.guestId(), emailState);
        }
    }

    /** The order moved: its mails from now on say the new hours, and its calendar event changed once more. */
    void moved(String orderId, Instant rentalStart, Instant rentalEnd) {
        jdbc.update("update notification_order set rental_start = ?, rental_end = ?, calendar_sequence = calendar_sequence + 1 "
                + "where order_id = ?", utc(rentalStart), utc(rentalEnd), orderId);
    }

    /** The order was cancelled: its calendar event changes once more, to cancelled. */
    void cancelled(String orderId) {
        jdbc.update("update notification_order set cancelled = true, calendar_sequence = calendar_sequence + 1 where order_id = ?", orderId);
    }

    /** How many times the order's calendar event changed ({@code SEQUENCE}), and whether it was cancelled. */
    record CalendarState(int sequence, boolean cancelled) {
    }

    CalendarState calendar(String orderId) {
        return jdbc.query("select calendar_sequence, cancelled from notification_order where order_id = ?",
                (rs, n) -> new CalendarState(rs.getInt(1), rs.getBoolean(2)), orderId).stream().findFirst().orElse(new CalendarState(0, false));
    }

    /** The facts of a guest's own order (its guest account is {@code guestId}). */
    Optional<Mails.OrderFacts> guestsOrder(String orderId, String guestId) {
        return order(orderId).filter(order -> guestId != null && guestId.equals(order.guestId()));
    }

    Optional<Mails.OrderFacts> order(String orderId) {
        return jdbc.query("select * from notification_order where order_id = ?", (rs, n) -> new Mails.OrderFacts(rs.getString("order_id"),
                rs.getString("order_number"), rs.getString("service_name"), ZoneId.of(rs.getString("time_zone")),
                rs.getObject("rental_start", OffsetDateTime.class).toInstant(), rs.getObject("rental_end", OffsetDateTime.class).toInstant(),
                rs.getString("email"), rs.getString("guest_id")), orderId).stream().findFirst();
    }

    boolean optedOut(String email) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from notification_opt_out where email = ?", Boolean.class,
                com.orderdesk.shared.value.EmailAddress.key(email)));
    }

    /**
     * Turns mail to {@code email} off, once: the link's request and the notifications processor (hearing the order's
     * {@code GuestMailStopped}) both say so, at nearly the same time; whoever comes second finds it done.
     */
    void optOut(String email, String orderId, Instant at) {
        String key = com.orderdesk.shared.value.EmailAddress.key(email);
        if (!optedOut(key)) {
            try {
                jdbc.update("insert into notification_opt_out (email, order_id, at) values (?, ?, ?)", key, orderId, utc(at));
            } catch (org.springframework.dao.DuplicateKeyException alreadyOff) {
                // the other one was first: mail is off, as both wanted
            }
        }
    }

    /** Puts a mail in the outbox once per {@code dedupKey}: a redelivered event writes nothing again. */
    boolean add(String dedupKey, String orderId, Mails.Mail mail, String recipient, Instant sendAfter, Instant now) {
        return add(dedupKey, orderId, mail, recipient, sendAfter, now, PENDING);
    }

    /** The same, {@link #HELD} when the order's address awaits confirmation. */
    boolean add(String dedupKey, String orderId, Mails.Mail mail, String recipient, Instant sendAfter, Instant now, String status) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from notification_outbox where dedup_key = ?", Boolean.class, dedupKey))) {
            return false;
        }
        jdbc.update("insert into notification_outbox (mail_id, dedup_key, order_id, kind, recipient, recipient_key, subject, text_body, "
                        + "html_body, status, send_after, attempts, next_attempt_at, created_at, calendar_method, calendar_body, pass_code) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), dedupKey, orderId, mail.kind().name(), recipient,
                com.orderdesk.shared.value.EmailAddress.key(recipient), mail.subject(), mail.text(), mail.html(),
                status, utc(sendAfter), utc(sendAfter), utc(now), mail.invite() == null ? null : mail.invite().method(),
                mail.invite() == null ? null : mail.invite().ics(), mail.passCode());
        return true;
    }

    /** Where the order's address stands: {@link #PROVEN}, {@link #UNCONFIRMED} or {@link #CONFIRMED}. */
    String emailState(String orderId) {
        List<String> states = jdbc.queryForList("select email_state from notification_order where order_id = ?", String.class, orderId);
        return states.isEmpty() ? PROVEN : states.get(0);
    }

    /** The order's address awaits confirmation: what is waiting to go there is held. */
    void unconfirmed(String orderId) {
        jdbc.update("update notification_order set email_state = ? where order_id = ?", UNCONFIRMED, orderId);
        jdbc.update("update notification_outbox set status = ? where order_id = ? and status = ? and kind <> ?", HELD, orderId, PENDING,
                MailKind.CONFIRM_ADDRESS.name());
    }

    /** The order's address was confirmed: what was held goes out. */
    void confirmed(String orderId) {
        jdbc.update("update notification_order set email_state = ? where order_id = ?", CONFIRMED, orderId);
        jdbc.update("update notification_outbox set status = ? where order_id = ? and status = ?", PENDING, orderId, HELD);
    }

    /**
     * What counts against a limit: mails sent since {@code since}, and mails some sender holds right now (claimed, not
     * yet finished) other than {@code mailId} itself — so mails claimed one after another by this node's round are
     * counted before any of them is sent.
     */
    private static final String COUNTED = "((m.status = 'SENT' and m.sent_at >= ?) or (m.status = 'PENDING' and m.claimed_until > ? and m.mail_id <> ?))";

    /** Mails to {@code recipient} sent since {@code since} or being sent at {@code now}, other than {@code mailId}. */
    int sentTo(String recipient, Instant since, Instant now, String mailId) {
        return jdbc.queryForObject("select count(*) from notification_outbox m where m.recipient_key = ? and " + COUNTED,
                Integer.class, com.orderdesk.shared.value.EmailAddress.key(recipient), utc(since), utc(now), mailId);
    }

    /** Mails about the orders of {@code guestId} sent since {@code since} or being sent at {@code now}, other than {@code mailId}. */
    int sentForGuest(String guestId, Instant since, Instant now, String mailId) {
        return jdbc.queryForObject("select count(*) from notification_outbox m join notification_order o on o.order_id = m.order_id "
                + "where o.guest_id = ? and " + COUNTED, Integer.class, guestId, utc(since), utc(now), mailId);
    }

    /** Mails asking to confirm an address, to {@code recipient}, sent since {@code since} or being sent, other than {@code mailId}. */
    int confirmationsTo(String recipient, Instant since, Instant now, String mailId) {
        return jdbc.queryForObject("select count(*) from notification_outbox m where m.recipient_key = ? and m.kind = ? and " + COUNTED,
                Integer.class, com.orderdesk.shared.value.EmailAddress.key(recipient), MailKind.CONFIRM_ADDRESS.name(), utc(since), utc(now),
                mailId);
    }

    /** Mails asking to confirm an address for the orders of {@code guestId}, sent since {@code since} or being sent, other than {@code mailId}. */
    int confirmationsForGuest(String guestId, Instant since, Instant now, String mailId) {
        return jdbc.queryForObject("select count(*) from notification_outbox m join notification_order o on o.order_id = m.order_id "
                        + "where o.guest_id = ? and m.kind = ? and " + COUNTED, Integer.class, guestId, MailKind.CONFIRM_ADDRESS.name(),
                utc(since), utc(now), mailId);
    }

    /** The guest whose order a mail is about, if the order has one. */
    String guestOf(String orderId) {
        List<String> guests = jdbc.queryForList("select guest_id from notification_order where order_id = ?", String.class, orderId);
        return guests.isEmpty() ? null : guests.get(0);
    }

    /** Waits, not a try: the mail goes at {@code until}, its tries untouched. */
    void postpone(String mailId, Instant until, String why) {
        jdbc.update("update notification_outbox set next_attempt_at = ?, claimed_until = null, last_error = ? where mail_id = ?",
                utc(until), truncate(why), mailId);
    }

    /** Mails of these kinds still waiting for the order are no longer wanted (the order was paid, cancelled, done). */
    int cancelPending(String orderId, List<MailKind> kinds) {
        int cancelled = 0;
        for (MailKind kind : kinds) {
            cancelled += jdbc.update("update notification_outbox set status = ? where order_id = ? and kind = ? and status in (?, ?)",
                    CANCELLED, orderId, kind.name(), PENDING, HELD);
        }
        return cancelled;
    }

    /** A mail the worker is to send. */
    record Due(String mailId, String orderId, String kind, String recipient, String subject, String text, String html, int attempts,
               String dedupKey, Mails.Invite invite, String passCode) {
    }

    List<String> dueIds(Instant now, int limit) {
        return jdbc.queryForList("select mail_id from notification_outbox where status = ? and next_attempt_at <= ? "
                + "and (claimed_until is null or claimed_until < ?) order by next_attempt_at fetch first " + limit + " rows only",
                String.class, PENDING, utc(now), utc(now));
    }

    /** Takes a due mail for this node until {@code until}; false when another node has it. */
    boolean claim(String mailId, String node, Instant now, Instant until) {
        return jdbc.update("update notification_outbox set claimed_by = ?, claimed_until = ? where mail_id = ? and status = ? "
                + "and (claimed_until is null or claimed_until < ?)", node, utc(until), mailId, PENDING, utc(now)) == 1;
    }

    Due due(String mailId) {
        return jdbc.queryForObject("select * from notification_outbox where mail_id = ?", (rs, n) -> new Due(rs.getString("mail_id"),
                rs.getString("order_id"), rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                rs.getString("html_body"), rs.getInt("attempts"), rs.getString("dedup_key"), rs.getString("calendar_method") == null ? null
                : new Mails.Invite(rs.getString("calendar_method"), rs.getString("calendar_body")), rs.getString("pass_code")), mailId);
    }

    void sent(String mailId, int attempts, Instant at) {
        jdbc.update("update notification_outbox set status = ?, attempts = ?, sent_at = ?, claimed_until = null, last_error = null "
                + "where mail_id = ?", SENT, attempts, utc(at), mailId);
    }

    void retry(String mailId, int attempts, Instant next, String error) {
        jdbc.update("update notification_outbox set attempts = ?, next_attempt_at = ?, claimed_until = null, last_error = ? where mail_id = ?",
                attempts, utc(next), truncate(error), mailId);
    }

    void failed(String mailId, int attempts, String error) {
        jdbc.update("update notification_outbox set status = ?, attempts = ?, claimed_until = null, last_error = ? where mail_id = ?",
                FAILED, attempts, truncate(error), mailId);
    }

    void cancelled(String mailId, String why) {
        jdbc.update("update notification_outbox set status = ?, claimed_until = null, last_error = ? where mail_id = ?", CANCELLED,
                truncate(why), mailId);
    }

    private static String truncate(String error) {
        return error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
