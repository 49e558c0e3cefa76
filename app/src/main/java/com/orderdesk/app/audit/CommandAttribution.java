package com.orderdesk.app.audit;

import com.orderdesk.app.security.CurrentActorResolver;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Attributes every command at dispatch (issue 6): the actor (named in the metadata by whoever sends it, through the one
 * door {@code Attribution.sentBy} — the web, the gateway's notifications, the sagas, the deadlines, the mail links —
 * else, as a fall-back, the signed-in person, else the system with a warning; commands carry no actor in their payloads), and from the HTTP request
 * that sent it its trace id, correlation id and Idempotency-Key. Events then inherit all of it
 * ({@code AttributionCorrelation}).
 */
public class CommandAttribution implements MessageDispatchInterceptor<CommandMessage<?>> {
    private static final Logger log = LoggerFactory.getLogger(CommandAttribution.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            HttpServletRequest request = currentRequest();
            if (request != null) {
                copy(request, Attribution.TRACE_ID, metadata);
                copy(request, Attribution.CORRELATION_ID, metadata);
                String key = request.getHeader("Idempotency-Key");
                if (key != null && KEY.matcher(key).matches()) {
                    metadata.put(Attribution.IDEMPOTENCY_KEY, key);
                }
            }
            if (!command.getMetaData().containsKey(Attribution.ACTOR_ID)) {
                Actor actor = signedIn(request);
                String cause = null;
                if (actor == null) {
                    log.warn("Command {} was sent without an actor; attributed to the system", command.getCommandName());
                    actor = Actor.system(Channel.SYSTEM);
                    cause = "Команда " + command.getPayloadType().getSimpleName() + " без указанного источника";
                }
                metadata.putAll(Attribution.of(actor, cause));
            }
            metadata.keySet().removeIf(command.getMetaData()::containsKey);
            if (!command.getMetaData().containsKey(Attribution.TRACE_ID)) {
                metadata.putIfAbsent(Attribution.TRACE_ID, Attribution.newTraceId());
            }
            if (!command.getMetaData().containsKey(Attribution.CORRELATION_ID)) {
                metadata.putIfAbsent(Attribution.CORRELATION_ID, command.getIdentifier());
            }
            return metadata.isEmpty() ? command : command.andMetaData(metadata);
        };
    }

    private static void copy(HttpServletRequest request, String attribute, Map<String, Object> metadata) {
        Object value = request.getAttribute(attribute);
        if (value != null) {
            metadata.put(attribute, value.toString());
        }
    }

    /** Who sent a command its dispatcher did not attribute: the signed-in person, if a request sent it. */
    private static Actor signedIn(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        try {
            return CurrentActorResolver.current();
        } catch (RuntimeException notSignedIn) {
            return null;
        }
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
