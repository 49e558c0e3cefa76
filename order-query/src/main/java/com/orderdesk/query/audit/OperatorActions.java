package com.orderdesk.query.audit;

import java.time.Clock;
import com.orderdesk.shared.audit.Attribution;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records operators' actions on the system (issue 6: "replay is an auditor/admin action that is itself recorded"). */
@Component
public class OperatorActions {
    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);

    private final OperatorActionRepository rows;
    private final Clock clock;

    OperatorActions(OperatorActionRepository rows, Clock clock) {
        this.clock = clock;
        this.rows = rows;
    }

    /** Records that {@code actor} did {@code action} to {@code subject}; the channel says it was a replay, a check… */
    @Transactional
    public void record(Actor actor, Channel channel, String action, String subject) {
        OperatorAction row = new OperatorAction();
        row.id = UUID.randomUUID().toString();
        row.at = clock.instant();
        row.actorId = actor.id();
        row.actorName = actor.name();
        row.actorRole = actor.role().name();
        row.channel = channel.name();
        row.action = action;
        row.subject = subject;
        row.traceId = MDC.get(Attribution.TRACE_ID);
        rows.save(row);
        log.info("{} ({}) {} {}", actor.name(), actor.id(), action, subject == null ? "" : subject);
    }

    @Transactional(readOnly = true)
    public List<OperatorAction.View> latest(int limit) {
        return rows.findAll(PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "at"))).map(OperatorAction::view).getContent();
    }
}
