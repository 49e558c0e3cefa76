package com.orderdesk.app.security;

import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.SignedInEmail;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Role;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers the signed-in person as an {@link Actor} — and, asked for a {@link SignedInEmail}, the e-mail their
 * identity states — so modules never touch security types.
 */
@Component
public class CurrentActorResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class || parameter.getParameterType() == SignedInEmail.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType() == SignedInEmail.class) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return new SignedInEmail(authentication != null && authentication.getPrincipal() instanceof OrderDeskUser user ? user.email() : null);
        }
        return current();
    }

    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OrderDeskUser user)) {
            throw new AuthenticationCredentialsNotFoundException("No signed-in user");
        }
        Channel channel = user.role() == Role.GUEST ? Channel.GUEST_APP : Channel.DESK;
        return new Actor(user.username(), user.displayName(), user.role(), channel);
    }
}
