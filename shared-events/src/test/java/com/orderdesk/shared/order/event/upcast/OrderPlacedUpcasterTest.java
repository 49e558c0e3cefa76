package com.orderdesk.shared.order.event.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.shared.order.event.OrderPlaced;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPlacedUpcasterTest {
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new com.fasterxml.jackson.databind.ObjectMapper()).build();

    private IntermediateEventRepresentation stored(String revision, String payload) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Order", "o-1", 0, "e-1", "2023-08-11T08:32:00Z",
                OrderPlaced.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);
    }

    @Test
    void anOrderPlacedBeforeTheEmailReadsAsRevisionTwoWithoutOne() {
        List<IntermediateEventRepresentation> upcast = new OrderPlacedUpcaster().upcast(Stream.of(
                stored(null, "{\"orderId\":\"o-1\",\"visitor\":{\"name\":\"Алексей Трошков\",\"phone\":\"+73422545454\"}}"))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(OrderPlaced.REVISION);
        JsonNode visitor = upcast.get(0).getData(JsonNode.class).getData().path("visitor");
        assertThat(visitor.has("email")).isTrue();
        assertThat(visitor.get("email").isNull()).isTrue();
        assertThat(visitor.path("name").asText()).isEqualTo("Алексей Трошков");
    }

    @Test
    void revisionTwoIsLeftAsItIs() {
        IntermediateEventRepresentation current = stored(OrderPlaced.REVISION,
                "{\"orderId\":\"o-1\",\"visitor\":{\"name\":\"А\",\"phone\":\"+73422545454\",\"email\":\"a@example.com\"}}");
        IntermediateEventRepresentation after = new OrderPlacedUpcaster().upcast(Stream.of(current)).toList().get(0);
        assertThat(after).isSameAs(current);
    }
}
