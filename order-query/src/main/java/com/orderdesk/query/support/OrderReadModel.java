package com.orderdesk.query.support;

import org.axonframework.config.ProcessingGroup;

/**
 * A projection of an order read model, bound to one of the two paths its events arrive by (docs/adr/011): each
 * read model has one instance per path, and the inline processor takes the {@link ReadModelPath#INLINE} ones.
 */
public abstract class OrderReadModel {
    protected final ReadModelPath path;
    private final AppliedInline appliedInline;
    private final String name;

    protected OrderReadModel(ReadModelPath path, AppliedInline appliedInline) {
        this.path = path;
        this.appliedInline = appliedInline;
        this.name = getClass().getAnnotation(ProcessingGroup.class).value();
    }

    public final ReadModelPath path() {
        return path;
    }

    /** {@link ReadModelPath#applies}, for this read model; what the inline path applies is remembered for catch-up. */
    protected final boolean applies(long current, long version, String orderId) {
        boolean applies = path.applies(current, version, name, orderId);
        if (applies) {
            appliedInline(orderId, version);
        }
        return applies;
    }

    /** The event is this read model's (inline): the catch-up processor need not look at it again. */
    protected final void appliedInline(String orderId, long sequence) {
        if (path == ReadModelPath.INLINE) {
            appliedInline.record(name, orderId, sequence);
        }
    }

    /** The read model was reset (catch-up): nothing the inline path applied before is in it any more. */
    protected final void forgetAppliedInline() {
        appliedInline.forget(name);
    }
}
