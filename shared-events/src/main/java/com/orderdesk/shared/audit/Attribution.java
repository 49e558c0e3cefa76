package com.orderdesk.shared.audit;

import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

import java.util.concurrent.ThreadLocalRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Who and what caused a message, as metadata every event carries (issue 6): the actor (id, display name, role,
 * channel), the correlation id shared by everything one action set off, the causation id of the message that
 * directly caused this one, the client's Idempotency-Key, the request's trace id, and for system actions the cause
 * in words.
 */
public final class Attribution {
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CHANNEL = "channel";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String TRACE_ID = "traceId";
    public static final String CAUSE = "cause";

    /** What a message handled in a unit of work passes on to the messages it causes; the actor is named anew by each dispatcher. */
    public static final Set<String> INHERITED = Set.of(CORRELATION_ID, TRACE_ID, ACTOR_ID, ACTOR_NAME, ACTOR_ROLE, CHANNEL,
            IDEMPOTENCY_KEY, CAUSE);


    private Attribution() {
    }

    /** The actor's part of the metadata; {@code cause} says why a system actor acted (null for people). */
    public static Map<String, String> of(Actor actor, String cause) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(ACTOR_ID, actor.id());
        metadata.put(ACTOR_NAME, actor.name());
        metadata.put(ACTOR_ROLE, actor.role().name());
        metadata.put(CHANNEL, actor.channel().name());
        if (cause != null) {
            metadata.put(CAUSE, cause);
        }
        return metadata;
    }

    /**
     * The actor the metadata names, or null when it names none (or names one incompletely). Commands carry their actor
     * here only, never in their payloads: the command handler receives it as a parameter of type {@link Actor}.
     */
    public static Actor actorOf(Map<String, ?> metadata) {
        Object id = metadata.get(ACTOR_ID);
        Object name = metadata.get(ACTOR_NAME);
        Object role = metadata.get(ACTOR_ROLE);
        Object channel = metadata.get(CHANNEL);
        if (id == null || name == null || role == null || channel == null) {
            return null;
        }
        return new Actor(id.toString(), name.toString(), Role.valueOf(role.toString()), Channel.valueOf(channel.toString()));
    }

    /**
     * The one way a command is sent as someone: the actor in its metadata, where every command carries it (never in its
     * payload). Sent while a message is handled (an event in a saga, a deadline), the command also inherits that message's
     * correlation and becomes its effect (causation: {@code AttributionCorrelation}); sent from a web request, it takes
     * the request's trace and correlation ids ({@code CommandAttribution}). A command sent without an actor is the
     * signed-in person's, or else the system's with its cause unknown — a fall-back that logs a warning, never a path
     * the code takes on purpose.
     */
    public static CommandMessage<?> sentBy(Actor actor, Object command) {
        return sentBy(actor, null, command);
    }

    /** The command as sent by {@code actor}, a system actor saying why in {@code cause} (the audit trail shows it). */
    public static CommandMessage<?> sentBy(Actor actor, String cause, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(of(actor, cause));
    }

    /** The command as sent by {@code actor} for {@code cause}, correlated with {@code correlationId} (what set it off outside Axon). */
    public static CommandMessage<?> sentBy(Actor actor, String cause, String correlationId, Object command) {
        Map<String, String> metadata = new HashMap<>(of(actor, cause));
        metadata.put(CORRELATION_ID, correlationId);
        return GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
    }

    /** A new W3C trace id: 32 lowercase hex digits, not all zero. */
    public static String newTraceId() {
        byte[] bytes = new byte[16];
        // unique, not secret: the thread's own generator, not SecureRandom's shared lock
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return HexFormat.of().formatHex(bytes);
    }
}
