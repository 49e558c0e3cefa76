package com.orderdesk.query.admin;

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
public class ProjectionAdminController {
    private final Projections projections;

    ProjectionAdminController(Projections projections) {
        this.projections = projections;
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
    public ResponseEntity<Projections.ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(projections.replay(name));
    }

    public record RetryResult(String projection, long deadLettersLeft) {
    }

    @PostMapping("/{name}/dead-letters/retry")
    public RetryResult retryDeadLetters(@PathVariable String name) {
        return new RetryResult(name, projections.retryDeadLetters(name));
    }
}
