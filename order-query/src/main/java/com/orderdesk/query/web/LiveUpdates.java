package com.orderdesk.query.web;

import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderUpdate;
import com.orderdesk.shared.order.query.FindOrderDetail;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Server-Sent Events of one order's changes, from a subscription query: subscribe first, then read. Every stream
 * ends when the application begins to stop — otherwise the graceful shutdown waits its full 30 s for streams
 * that never end by themselves (clients reconnect to another node).
 */
@Component
class LiveUpdates {
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final QueryGateway queries;
    private final Sinks.Empty<Void> stopping = Sinks.empty();

    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        stopping.tryEmitEmpty();
    }

    LiveUpdates(QueryGateway queries) {
        this.queries = queries;
    }

    Flux<ServerSentEvent<OrderDetail>> of(String orderId, Predicate<OrderUpdate> include, Function<OrderDetail, OrderDetail> view) {
        SubscriptionQueryResult<OrderDetail, OrderUpdate> subscription =
                queries.subscriptionQuery(new FindOrderDetail(orderId), OrderDetail.class, OrderUpdate.class);
        Flux<ServerSentEvent<OrderDetail>> changes = subscription.initialResult().flux()
                .concatWith(subscription.updates().filter(include).map(OrderUpdate::detail))
                .map(view)
                .map(detail -> ServerSentEvent.builder(detail).event("order").id(Long.toString(detail.version())).build());
        Flux<ServerSentEvent<OrderDetail>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<OrderDetail>builder().comment("keep-alive").build());
        return Flux.merge(changes, keepAlive).takeUntilOther(stopping.asMono()).doFinally(signal -> subscription.close());
    }
}
