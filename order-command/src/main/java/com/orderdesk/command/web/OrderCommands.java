package com.orderdesk.command.web;

import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.order.command.CheckInGuest;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.value.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends the web's commands on behalf of the signed-in person and returns what the order answered. The person travels
 * in the command's metadata, never in its payload. Nothing to wait for afterwards: the order's read models are
 * written in the command's own transaction (docs/adr/011), so once this returns, every node reads the change.
 */
@Component
class OrderCommands {
    private final CommandGateway commands;

    public OrderCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Places the order; returns its number and version. */
    public PlaceOrder.Placed place(PlaceOrder command, Actor actor) {
        return commands.sendAndWait(Attribution.sentBy(actor, command));
    }

    /** Checks the guest in (issue 30): when, and whether they had before. */
    public CheckInGuest.CheckedIn checkIn(CheckInGuest command, Actor actor) {
        return commands.sendAndWait(Attribution.sentBy(actor, command));
    }

    /** Sends a command to an existing order; returns the order's new version. */
    public long send(Object command, Actor actor) {
        Object version = commands.sendAndWait(Attribution.sentBy(actor, command));
        if (!(version instanceof Number number)) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " answered " + version + " instead of the order's version");
        }
        return number.longValue();
    }
}
