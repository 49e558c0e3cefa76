package com.orderdesk.command.audit;

import com.orderdesk.shared.audit.Attribution;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Passes a handled message's attribution on to every message created while handling it — the events a command
 * causes carry its actor, correlation id, trace id and Idempotency-Key — and names the handled message as their
 * cause ({@code causationId}). Replaces Axon's MessageOriginProvider, whose keys mean something else.
 */
class AttributionCorrelation implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : Attribution.INHERITED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(Attribution.CORRELATION_ID, message.getIdentifier());
        data.put(Attribution.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
