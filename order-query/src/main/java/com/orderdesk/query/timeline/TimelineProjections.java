package com.orderdesk.query.timeline;

import com.orderdesk.query.support.AppliedInline;
import com.orderdesk.query.support.ReadModelPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The timeline's projection on both paths (docs/adr/011). */
@Configuration
class TimelineProjections {
    @Bean
    TimelineProjection timelineProjection(TimelineRepository entries, AppliedInline appliedInline) {
        return new TimelineProjection(entries, ReadModelPath.CATCH_UP, appliedInline);
    }

    @Bean
    TimelineProjection timelineInline(TimelineRepository entries, AppliedInline appliedInline) {
        return new TimelineProjection(entries, ReadModelPath.INLINE, appliedInline);
    }
}
