package com.orderdesk.query.detail;

import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.readmodel.ReadModelRegistration;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order form's read model (docs/adr/011). */
@Configuration
class OrderDetailProjections {
    @Bean
    ReadModelRegistration orderDetailReadModel(OrderDetailRepository rows, OrderDetails details, QueryUpdateEmitter emitter, AppliedInline appliedInline) {
        return new ReadModelRegistration(path -> new OrderDetailProjection(rows, details, emitter, path, appliedInline));
    }
}
