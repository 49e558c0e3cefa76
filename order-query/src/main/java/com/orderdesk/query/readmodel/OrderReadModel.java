package com.orderdesk.query.readmodel;

import org.axonframework.config.ProcessingGroup;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /**
     * For read models of one row per event ({@code orderId:sequence}) that copy what they need from the order's first
     * row (the timeline, the cash book): that first row, when this event's row is to be written now. Empty when the
     * catch-up processor finds the row written already, or when the inline path finds no first row (a replay has not
     * reached the order yet: catch-up writes the row in turn). Catch-up without a first row is a fault.
     */
    protected final <R> Optional<R> firstRowToWriteAfter(String orderId, long sequence, Predicate<String> written,
                                                         Function<String, Optional<R>> find) {
        if (path == ReadModelPath.CATCH_UP && written.test(orderId + ":" + sequence)) {
            return Optional.empty();
        }
        Optional<R> first = find.apply(orderId + ":0");
        if (first.isEmpty()) {
            if (path == ReadModelPath.INLINE) {
                return Optional.empty();
            }
            // "Order … has no timeline yet": the read model by its name without the "order-"
            throw new IllegalStateException("Order " + orderId + " has no " + name.replaceFirst("^order-", "") + " yet: event "
                    + sequence + " cannot be placed");
        }
        appliedInline(orderId, sequence);
        return first;
    }

    /** The same for the order's first row itself: whether to write it now (not if catch-up finds it written). */
    protected final boolean firstRowToWrite(String orderId, long sequence, Predicate<String> written) {
        // inline, the event is this transaction's own: nobody can have written its row
        if (path == ReadModelPath.CATCH_UP && written.test(orderId + ":" + sequence)) {
            return false;
        }
        appliedInline(orderId, sequence);
        return true;
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
