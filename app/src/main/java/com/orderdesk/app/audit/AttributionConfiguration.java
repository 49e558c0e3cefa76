package com.orderdesk.app.audit;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Every command is attributed as it is dispatched, whichever bus carries it (local or Axon Server). */
@Configuration
public class AttributionConfiguration {

    @Autowired
    public void attributeCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new CommandAttribution());
    }
}
