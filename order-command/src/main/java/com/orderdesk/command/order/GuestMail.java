package com.orderdesk.command.order;

import com.orderdesk.shared.order.command.ConfirmVisitorEmail;
import com.orderdesk.shared.order.command.RecordGuestMail;
import com.orderdesk.shared.order.command.StopGuestMail;
import com.orderdesk.shared.order.event.GuestMailFailed;
import com.orderdesk.shared.order.event.GuestMailSent;
import com.orderdesk.shared.order.event.GuestMailStopped;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.VisitorEmailConfirmed;
import com.orderdesk.shared.value.Check;
import com.orderdesk.shared.value.EmailAddress;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The mail about the order (docs/adr/016): what became of each mail, whether the guest turned mail off, and the
 * visitor's address a guest gave that nobody has confirmed yet — nothing goes there until someone does.
 */
class GuestMail {
    private final Order order;
    /** Mails about the order whose fate is recorded (sent or given up). */
    private final Set<String> mailIds = new HashSet<>();
    private boolean stopped;
    private String unconfirmedEmail;

    GuestMail(Order order) {
        this.order = order;
    }

    /** What became of a mail about the order (the notifications worker reports it); a repeat records nothing. */
    @CommandHandler
    long handle(RecordGuestMail command, Clock clock) {
        String mailId = Check.text(command.mailId(), "mailId", "письмо", 200);
        if (mailIds.contains(mailId)) {
            return Order.version();
        }
        String kind = Check.text(command.kind(), "kind", "вид письма", 50);
        String subject = Check.text(command.subject(), "subject", "тема письма", 300);
        if (command.failure() == null) {
            apply(new GuestMailSent(order.orderId(), mailId, kind, subject, clock.instant()));
        } else {
            apply(new GuestMailFailed(order.orderId(), mailId, kind, subject,
                    Check.text(command.failure(), "failure", "причина", Order.MAX_REASON), command.attempts(), clock.instant()));
        }
        return Order.version();
    }

    /** Someone at the visitor's unconfirmed e-mail confirmed it by the link sent there; once is enough. */
    @CommandHandler
    long handle(ConfirmVisitorEmail command, Clock clock) {
        String email = EmailAddress.optional(command.email(), "email");
        if (unconfirmedEmail == null || !EmailAddress.same(unconfirmedEmail, email)) {
            return Order.version(); // confirmed already, or not this order's address: nothing to confirm
        }
        apply(new VisitorEmailConfirmed(order.orderId(), unconfirmedEmail, clock.instant()));
        return Order.version();
    }

    /** The guest turned e-mails off from a mail about this order; once is enough. */
    @CommandHandler
    long handle(StopGuestMail command, Clock clock) {
        String email = EmailAddress.optional(command.email(), "email");
        if (!stopped && email != null) {
            apply(new GuestMailStopped(order.orderId(), email, clock.instant()));
        }
        return Order.version();
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        if (event.visitorEmailUnconfirmed()) {
            unconfirmedEmail = event.visitor().email();
        }
    }

    @EventSourcingHandler
    void on(VisitorEmailConfirmed event) {
        unconfirmedEmail = null;
    }

    @EventSourcingHandler
    void on(GuestMailSent event) {
        mailIds.add(event.mailId());
    }

    @EventSourcingHandler
    void on(GuestMailFailed event) {
        mailIds.add(event.mailId());
    }

    @EventSourcingHandler
    void on(GuestMailStopped event) {
        stopped = true;
    }
}
