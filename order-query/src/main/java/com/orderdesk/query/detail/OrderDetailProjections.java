package com.orderdesk.query.detail;

import com.orderdesk.query.support.AppliedInline;
import com.orderdesk.query.support.ReadModelPath;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order form's projection on both paths (docs/adr/011). */
@Configuration
class OrderDetailProjections {
    @Bean
    OrderDetailProjection orderDetailProjection(OrderDetailRepository rows, OrderDetails details, QueryUpdateEmitter emitter, AppliedInline appliedInline) {
        return new OrderDetailProjection(rows, details, emitter, ReadModelPath.CATCH_UP, appliedInline);
    }

    @Bean
    OrderDetailProjection orderDetailInline(OrderDetailRepository rows, OrderDetails details, QueryUpdateEmitter emitter, AppliedInline appliedInline) {
        return new OrderDetailProjection(rows, details, emitter, ReadModelPath.INLINE, appliedInline);
    }
}
