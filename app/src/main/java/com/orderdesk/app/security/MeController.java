package com.orderdesk.app.security;

import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is signed in, for the pages' header (and a guest's booking form: their e-mail). */
@RestController
public class MeController {

    /** The signed-in person as an {@link Actor} reads, and the e-mail their identity gives (null if none). */
    public record Me(String id, String name, Role role, Channel channel, boolean guest, String email) {
    }

    @GetMapping(path = "/api/me", produces = "application/json")
    public Me me(Actor actor) {
        String email = SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof OrderDeskUser user
                ? user.email() : null;
        return new Me(actor.id(), actor.name(), actor.role(), actor.channel(), actor.isGuest(), email);
    }
}
