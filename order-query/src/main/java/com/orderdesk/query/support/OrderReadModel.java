package com.orderdesk.query.support;

/**
 * A projection of an order read model, bound to one of the two paths its events arrive by (docs/adr/011): each
 * read model has one instance per path, and the inline processor takes the {@link ReadModelPath#INLINE} ones.
 */
public abstract class OrderReadModel {
    protected final ReadModelPath path;

    protected OrderReadModel(ReadModelPath path) {
        this.path = path;
    }

    public final ReadModelPath path() {
        return path;
    }
}
