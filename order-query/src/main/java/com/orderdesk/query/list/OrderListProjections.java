package com.orderdesk.query.list;

import com.orderdesk.query.support.AppliedInline;
import com.orderdesk.query.support.ReadModelPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order list's projection on both paths (docs/adr/011). */
@Configuration
class OrderListProjections {
    @Bean
    OrderListProjection orderListProjection(OrderSummaryRepository rows, AppliedInline appliedInline) {
        return new OrderListProjection(rows, ReadModelPath.CATCH_UP, appliedInline);
    }

    @Bean
    OrderListProjection orderListInline(OrderSummaryRepository rows, AppliedInline appliedInline) {
        return new OrderListProjection(rows, ReadModelPath.INLINE, appliedInline);
    }
}
