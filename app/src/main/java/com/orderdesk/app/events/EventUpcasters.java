package com.orderdesk.app.events;

import com.orderdesk.shared.order.event.upcast.OrderPlacedUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The upcasters every reader of the event store goes through (Axon's Spring Boot support chains the
 * {@code EventUpcaster} beans in their {@link Order}). They live in shared-events, beside the events they lift; the
 * corpus test ({@code EventCorpusTest}) reads every stored shape through this chain on every build.
 */
@Configuration(proxyBeanMethods = false)
class EventUpcasters {

    /** {@code OrderPlaced}: no revision → 2 (the visitor's e-mail). */
    @Bean
    @Order(0)
    OrderPlacedUpcaster orderPlacedUpcaster() {
        return new OrderPlacedUpcaster();
    }
}
