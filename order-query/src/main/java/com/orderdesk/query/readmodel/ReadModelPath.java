package com.orderdesk.query.readmodel;

/**
 * The two ways an order's events reach a read model (docs/adr/011).
 * <ul>
 *   <li>{@link #INLINE}: in the command's own transaction, before it commits — the command's answer is readable on
 *   every node as soon as it is sent, with no waiting;</li>
 *   <li>{@link #CATCH_UP}: a pooled streaming processor behind the store, for replays and for whatever the inline
 *   path had to leave (an order whose rows a replay has not rebuilt yet; events appended by a store that commits
 *   apart from the read models, as Axon Server does).</li>
 * </ul>
 * Both run the same projection code; a read model keeps the version of the last event it applied per order, so
 * each event is applied exactly once, by whichever path reaches it first in the order's sequence.
 */
public enum ReadModelPath {
    INLINE, CATCH_UP;

    /**
     * Whether the event with {@code version} applies on top of a read model that has applied up to {@code current}
     * (-1: nothing yet). Applied already: no. The next one: yes. A gap: the inline path leaves the event to the
     * catch-up processor, which is behind this order and will apply it in turn; the catch-up processor itself never
     * sees a gap (it reads each order's events in sequence), so one there is a fault, for the dead-letter queue.
     */
    public boolean applies(long current, long version, String readModel, String orderId) {
        if (current >= version) {
            return false;
        }
        if (current == version - 1) {
            return true;
        }
        if (this == INLINE) {
            return false;
        }
        throw new IllegalStateException("Read model " + readModel + " of order " + orderId + " is at version " + current
                + " but event " + version + " arrived: the events between are missing");
    }
}
