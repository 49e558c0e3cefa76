package com.orderdesk.query.list;

import com.orderdesk.query.support.ReadModelPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order list's projection on both paths (docs/adr/011). */
@Configuration
class OrderListProjections {
    @Bean
    OrderListProjection orderListProjection(OrderSummaryRepository rows) {
        return new OrderListProjection(rows, ReadModelPath.CATCH_UP);
    }

    @Bean
    OrderListProjection orderListInline(OrderSummaryRepository rows) {
        return new OrderListProjection(rows, ReadModelPath.INLINE);
    }
}
