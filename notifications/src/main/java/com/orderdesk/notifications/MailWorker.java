package com.orderdesk.notifications;

import java.time.Clock;
import com.orderdesk.shared.audit.Attribution;
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
        long every = Math.max(50, settings.poll().toMillis());
        executor.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
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

    /** One round: every due mail this node can claim. */
    void sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (String mailId : outbox.dueIds(now, 20)) {
                if (outbox.claim(mailId, node, now, now.plus(settings.claim()))) {
                    send(sender, outbox.due(mailId));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Mail round failed; the next one tries again", e);
        }
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
        message.setHeader("X-Order-Desk-Mail", mail.mailId());
        return message;
    }
}
