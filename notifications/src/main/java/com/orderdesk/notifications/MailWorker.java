package com.orderdesk.notifications;

import java.time.Clock;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.value.EmailAddress;
import com.orderdesk.shared.order.command.RecordGuestMail;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the outbox holds, when it is due: a node claims a mail for a while (so two nodes never send it at the
 * same time), sends it, marks it sent and records it on the order («Гостю отправлено письмо»). A failure is retried
 * with doubling waits; after the last try the mail is given up and staff see why. Nothing here runs in a command:
 * an SMTP server that is down delays mail, never an order.
 *
 * <p>Once per (event, recipient): the outbox row is unique, and a mail is sent by one node at a time. A node dying
 * between the server's "accepted" and "marked sent" sends it again after the claim runs out; the repeat carries the
 * same {@code Message-ID}, by which mail clients recognise it.
 */
@Component
class MailWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    private static final Actor SYSTEM = Actor.system(Channel.SYSTEM);
    private final Outbox outbox;
    private final NotificationsProperties settings;
    private final ObjectProvider<JavaMailSender> senders;
    private final CommandGateway commands;
    private final String node = UUID.randomUUID().toString();
    private final Clock clock;
    private ScheduledExecutorService executor;
    /** The senders: each sends one mail at a time, so a server that is slow to answer one mail holds only that one. */
    private java.util.concurrent.ExecutorService sending;
    private java.util.concurrent.Semaphore free;

    MailWorker(Outbox outbox, NotificationsProperties settings, ObjectProvider<JavaMailSender> senders, CommandGateway commands, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.settings = settings;
        this.senders = senders;
        this.commands = commands;
    }

    @Override
    public synchronized void start() {
        if (senders.getIfAvailable() == null) {
            log.warn("No mail server configured (spring.mail.host): mails to guests wait in the outbox until one is");
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-worker");
            thread.setDaemon(true);
            return thread;
        });
        int senderCount = Math.max(1, settings.senders());
        free = new java.util.concurrent.Semaphore(senderCount);
        java.util.concurrent.atomic.AtomicInteger numbers = new java.util.concurrent.atomic.AtomicInteger();
        sending = Executors.newFixedThreadPool(senderCount, runnable -> {
            Thread thread = new Thread(runnable, "mail-sender-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(50, settings.poll().toMillis());
        executor.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sending != null) {
            sending.shutdown();
            sending = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** After the web server and the processors (phase 0) start, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** One round: as many due mails as this node has free senders for, each claimed and handed to a sender. */
    void sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            Instant now = clock.instant();
            int room = free.availablePermits();
            if (room == 0) {
                return;
            }
            for (String mailId : outbox.dueIds(now, room)) {
                if (!free.tryAcquire()) {
                    return;
                }
                boolean handed = false;
                try {
                    if (outbox.claim(mailId, node, now, now.plus(settings.claim()))) {
                        Outbox.Due mail = outbox.due(mailId);
                        if (stop(mail, now) != null) {
                            continue; // decided here, one mail after another: the limits count the mails just handed out
                        }
                        sending.execute(() -> {
                            try {
                                send(sender, mail);
                            } catch (RuntimeException e) {
                                log.warn("Mail {} could not be handled; its claim runs out and it is tried again", mail.mailId(), e);
                            } finally {
                                free.release();
                            }
                        });
                        handed = true;
                    }
                } finally {
                    if (!handed) {
                        free.release();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Mail round failed; the next one tries again", e);
        }
    }

    /**
     * Why the mail may not go now: an address mail cannot go to (given up at once, not blamed on the server), too many
     * requests to confirm an address (not sent), too many mails to the address or about the guest's orders this hour
     * (waits). Null: it may go. Asked in the round, for each claimed mail in turn, so the mails claimed before it (being
     * sent) are counted; across nodes two rounds at the same instant may each let one more through.
     */
    private String stop(Outbox.Due mail, Instant now) {
        if (EmailAddress.of(mail.recipient()).isEmpty()) {
            outbox.failed(mail.mailId(), mail.attempts(), "недопустимый адрес получателя");
            log.error("Mail {} ({}) of order {} not sent: '{}' is no address mail can go to", mail.mailId(), mail.kind(), mail.orderId(),
                    mail.recipient());
            record(mail, "адрес «" + mail.recipient() + "» недопустим — письмо не отправлялось", mail.attempts());
            return "address";
        }
        String guest = outbox.guestOf(mail.orderId());
        Instant day = now.minus(Duration.ofDays(1));
        if (MailKind.CONFIRM_ADDRESS.name().equals(mail.kind())
                && (outbox.confirmationsTo(mail.recipient(), day, now, mail.mailId()) >= settings.confirmationsPerAddressPerDay()
                || guest != null && outbox.confirmationsForGuest(guest, day, now, mail.mailId()) >= settings.confirmationsPerGuestPerDay())) {
            outbox.cancelled(mail.mailId(), "ограничение: не больше " + settings.confirmationsPerAddressPerDay()
                    + " писем с подтверждением на адрес и " + settings.confirmationsPerGuestPerDay() + " на гостя в сутки");
            log.warn("Mail {} asking {} to confirm the address for order {} not sent: the day's limit is reached", mail.mailId(),
                    mail.recipient(), mail.orderId());
            return "confirmations";
        }
        Instant hour = now.minus(Duration.ofHours(1));
        if (outbox.sentTo(mail.recipient(), hour, now, mail.mailId()) >= settings.perAddressPerHour()
                || guest != null && outbox.sentForGuest(guest, hour, now, mail.mailId()) >= settings.perGuestPerHour()) {
            outbox.postpone(mail.mailId(), now.plus(Duration.ofMinutes(10)), "ограничение частоты писем: отправится позже");
            log.warn("Mail {} to {} waits 10 min: the hour's limit of mails to the address or about the guest's orders is reached",
                    mail.mailId(), mail.recipient());
            return "rate";
        }
        return null;
    }

    private void send(JavaMailSender sender, Outbox.Due mail) {
        if (outbox.optedOut(mail.recipient())) {
            outbox.cancelled(mail.mailId(), "the guest turned e-mails off");
            return;
        }
        int attempt = mail.attempts() + 1;
        try {
            sender.send(message(sender, mail));
        } catch (MailException | MessagingException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (attempt >= settings.maxAttempts()) {
                outbox.failed(mail.mailId(), attempt, error);
                log.error("Mail {} ({}) to order {} given up after {} tries: {}", mail.mailId(), mail.kind(), mail.orderId(), attempt, error);
                record(mail, "почтовый сервер не принял письмо: " + error, attempt);
            } else {
                long factor = 1L << Math.min(20, attempt - 1);
                Duration wait = settings.firstRetry().multipliedBy(factor);
                if (wait.compareTo(settings.maxRetry()) > 0) {
                    wait = settings.maxRetry();
                }
                outbox.retry(mail.mailId(), attempt, clock.instant().plus(wait), error);
                log.warn("Mail {} ({}) to order {}: try {} failed ({}); next in {}", mail.mailId(), mail.kind(), mail.orderId(), attempt,
                        error, wait);
            }
            return;
        }
        outbox.sent(mail.mailId(), attempt, clock.instant());
        record(mail, null, attempt);
    }

    /** The order's timeline says what became of the mail. The mail is out either way; a failure here is logged. */
    private void record(Outbox.Due mail, String failure, int attempts) {
        try {
            commands.sendAndWait(Attribution.sentBy(SYSTEM, new RecordGuestMail(mail.orderId(), mail.mailId(), mail.kind(), mail.subject(),
                    failure, attempts)), 30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.warn("Mail {} of order {} is {} but the order could not record it", mail.mailId(), mail.orderId(),
                    failure == null ? "sent" : "given up", e);
        }
    }

    private MimeMessage message(JavaMailSender sender, Outbox.Due mail) throws MessagingException {
        String messageId = "<" + UUID.nameUUIDFromBytes(mail.dedupKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "@orderdesk>";
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new java.util.Properties());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the same for every try of this mail
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.passCode() != null) {
            // the guest's pass as a picture in the mail (cid:pass): mail clients show PNG, not SVG
            helper.addInline("pass", new org.springframework.core.io.ByteArrayResource(PassPicture.png(mail.passCode())), "image/png");
        }
        if (mail.invite() != null) {
            // the booking for the guest's calendar (issue 30): an iTIP REQUEST or CANCEL, as calendars expect it
            helper.addAttachment(mail.invite().method().equals(BookingCalendar.CANCEL) ? "cancel.ics" : "invite.ics",
                    new org.springframework.core.io.ByteArrayResource(mail.invite().ics().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=" + mail.invite().method());
        }
        message.setHeader("X-Order-Desk-Mail", mail.mailId());
        return message;
    }
}
