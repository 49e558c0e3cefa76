package com.orderdesk.query.readmodel;

import java.util.function.Function;

/**
 * One order read model, registered once (docs/adr/011): how to make its projection for a path. The query side makes
 * one instance per path from it — the catch-up processor named by the projection's {@code @ProcessingGroup} takes the
 * {@link ReadModelPath#CATCH_UP} one, the inline processor the {@link ReadModelPath#INLINE} one.
 */
public record ReadModelRegistration(Function<ReadModelPath, ? extends OrderReadModel> projection) {

    /** The read model's projection on {@code path}. */
    public OrderReadModel on(ReadModelPath path) {
        return projection.apply(path);
    }
}
