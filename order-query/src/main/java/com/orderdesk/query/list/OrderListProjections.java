package com.orderdesk.query.list;

import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.readmodel.ReadModelRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order list's read model (docs/adr/011). */
@Configuration
class OrderListProjections {
    @Bean
    ReadModelRegistration orderListReadModel(OrderSummaryRepository rows, AppliedInline appliedInline) {
        return new ReadModelRegistration(path -> new OrderListProjection(rows, path, appliedInline));
    }
}
