package com.orderdesk.query.admin;

import com.orderdesk.query.audit.OperatorActions;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** API.md: {@code GET /api/admin/projections}, {@code POST /api/admin/projections/{name}/replay}, dead-letter retry. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionAdminController {
    private final Projections projections;
    private final OperatorActions actions;

    ProjectionAdminController(Projections projections, OperatorActions actions) {
        this.projections = projections;
        this.actions = actions;
    }

    @GetMapping
    public List<Projections.ProjectionStatus> all() {
        return projections.all();
    }

    @GetMapping("/{name}")
    public Projections.ProjectionStatus one(@PathVariable String name) {
        return projections.status(name);
    }

    /** Starts a rebuild; follow it at the Location (replaying, replayPercent) or in the log. */
    @PostMapping("/{name}/replay")
    public ResponseEntity<Projections.ProjectionStatus> replay(@PathVariable String name, Actor actor) {
        Projections.ProjectionStatus status = projections.replay(name, actor.name() + " (" + actor.id() + ")");
        actions.record(actor, Channel.REPLAY, "projection-replay-started", name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status);
    }

    public record RetryResult(String projection, long deadLettersLeft) {
    }

    @PostMapping("/{name}/dead-letters/retry")
    public RetryResult retryDeadLetters(@PathVariable String name, Actor actor) {
        actions.record(actor, actor.channel(), "dead-letters-retried", name);
        return new RetryResult(name, projections.retryDeadLetters(name));
    }
}
