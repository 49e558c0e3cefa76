package com.orderdesk.query.support;

import com.orderdesk.query.detail.OrderDetails;
import com.orderdesk.query.list.OrderList;
import com.orderdesk.query.timeline.Timeline;
import com.orderdesk.shared.order.query.FindProjectedVersions;
import com.orderdesk.shared.order.query.ProjectedVersions;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/** How far each read model has come for one order (read your writes). */
@Component
class ProjectedVersionsQueryHandler {
    private final OrderDetails details;
    private final OrderList list;
    private final Timeline timeline;

    ProjectedVersionsQueryHandler(OrderDetails details, OrderList list, Timeline timeline) {
        this.details = details;
        this.list = list;
        this.timeline = timeline;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public ProjectedVersions handle(FindProjectedVersions query) {
        String id = query.orderId();
        return new ProjectedVersions(Map.of(ProjectionNames.ORDER_DETAIL, details.versionOf(id),
                ProjectionNames.ORDER_LIST, list.versionOf(id), ProjectionNames.ORDER_TIMELINE, timeline.versionOf(id)));
    }
}
