package com.orderdesk.command.audit;

import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.value.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Gives a command handler's parameter of type {@link Actor} the actor its command's metadata names (issue 12:
 * the acting identity travels in metadata only — commands carry no actor of their own, and nothing looks for one
 * by reflection). Null when the metadata names none; the handler then refuses the command. Registered for Axon in
 * {@code META-INF/services}, so the aggregate test fixture and the application resolve it alike.
 */
public class ActingActor implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        if (parameterIndex == 0 || parameters[parameterIndex].getType() != Actor.class) {
            return null; // the first parameter is the payload
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return Attribution.actorOf(message.getMetaData());
            }

            @Override
            public boolean matches(Message<?> message) {
                return message instanceof CommandMessage;
            }
        };
    }
}
