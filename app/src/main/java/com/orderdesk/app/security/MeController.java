package com.orderdesk.app.security;

import com.orderdesk.shared.value.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is signed in, for the pages' header. */
@RestController
public class MeController {
    @GetMapping(path = "/api/me", produces = "application/json")
    public Actor me(Actor actor) {
        return actor;
    }
}
