package com.orderdesk.notifications;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The notifications processor: tracking, its own token, starting at the head of the store. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

    /**
     * A store that existed before mail did gets no mail about its past: the processor's first token is the store's
     * head. From then on its token moves with the outbox rows it writes, in one transaction.
     */
    @Bean
    ConfigurerModule notificationsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                NotificationPolicy.GROUP, Configuration::eventStore, config -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
