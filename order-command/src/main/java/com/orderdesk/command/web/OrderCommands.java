package com.orderdesk.command.web;

import com.orderdesk.shared.order.command.PlaceOrder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends the web's commands and returns what the order answered. Nothing to wait for afterwards: the order's read
 * models are written in the command's own transaction (docs/adr/011), so once this returns, every node reads the
 * change.
 */
@Component
public class OrderCommands {
    private final CommandGateway commands;

    public OrderCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Places the order; returns its number and version. */
    public PlaceOrder.Placed place(PlaceOrder command) {
        return commands.sendAndWait(command);
    }

    /** Sends a command to an existing order; returns the order's new version. */
    public long send(Object command) {
        Object version = commands.sendAndWait(command);
        if (!(version instanceof Number number)) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " answered " + version + " instead of the order's version");
        }
        return number.longValue();
    }
}
