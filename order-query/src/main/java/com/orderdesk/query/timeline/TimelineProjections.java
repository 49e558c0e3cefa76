package com.orderdesk.query.timeline;

import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.readmodel.ReadModelRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The timeline's read model (docs/adr/011). */
@Configuration
class TimelineProjections {
    @Bean
    ReadModelRegistration timelineReadModel(TimelineRepository entries, AppliedInline appliedInline) {
        return new ReadModelRegistration(path -> new TimelineProjection(entries, path, appliedInline));
    }
}
