package com.orderdesk.shared.order.event.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.shared.order.event.OrderPlaced;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code OrderPlaced} before revision 2 (stored without a revision) had a visitor of name and phone; revision 2's
 * visitor may carry an e-mail. Old events read as revision 2 with {@code "email": null}, so every reader — the
 * aggregate, the read models, the audit trail — sees one shape. The stored bytes never change.
 */
public final class OrderPlacedUpcaster extends SingleEventUpcaster {
    private static final String TYPE = OrderPlaced.class.getName();
    private static final SimpleSerializedType BEFORE_EMAIL = new SimpleSerializedType(TYPE, null);
    private static final SimpleSerializedType WITH_EMAIL = new SimpleSerializedType(TYPE, OrderPlaced.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(BEFORE_EMAIL);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(WITH_EMAIL, JsonNode.class, payload -> {
            if (payload.get("visitor") instanceof ObjectNode visitor && !visitor.has("email")) {
                visitor.putNull("email");
            }
            return payload;
        });
    }
}
