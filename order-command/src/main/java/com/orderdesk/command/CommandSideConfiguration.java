package com.orderdesk.command;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.CatalogProperties;
import com.orderdesk.command.order.VerifiedAggregateCache;
import com.orderdesk.command.retry.ConcurrencyRetry;
import com.orderdesk.shared.error.RejectedException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CatalogProperties.class)
public class CommandSideConfiguration {

    @Bean
    public Catalog catalog(CatalogProperties properties) {
        return new Catalog(properties);
    }

    /** Orders in memory between commands, checked against the order's last event in the store before use. */
    @Bean
    public Cache orderCache(ObjectProvider<EventStore> eventStore,
                            @Value("${orderdesk.order-cache.capacity:10000}") long capacity) {
        return new VerifiedAggregateCache(eventStore::getObject, capacity);
    }

    /** The one command gateway: commands that lose a race between nodes are decided again (up to 5 times). */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConcurrencyRetry(5)).build();
    }

    /**
     * A refusal travels as the details of a {@link CommandExecutionException}, so the caller gets the stable
     * code and message whether the command bus is local or distributed (Axon Server).
     */
    @Autowired
    public void registerRejectionTranslator(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RejectedException rejected) {
                throw new CommandExecutionException(rejected.getMessage(), rejected, rejected.rejection());
            }
        });
    }
}
