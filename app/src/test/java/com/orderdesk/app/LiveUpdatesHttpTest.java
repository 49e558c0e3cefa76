package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-Sent Events: an open stream sees a change arrive; a guest's stream never carries an internal change. */
class LiveUpdatesHttpTest extends HttpTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens an SSE stream and hands each {@code data:} document to a queue. */
    private BlockingQueue<JsonNode> open(String login, String path) {
        BlockingQueue<JsonNode> documents = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8)))
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().filter(line -> line.startsWith("data:")).forEach(line -> {
            try {
                documents.add(JSON.readTree(line.substring(5)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        return documents;
    }

    @Test
    void anOpenOrderFormSeesAPaymentArriveWithoutReloading() throws Exception {
        String order = placeDeskOrder(4);
        BlockingQueue<JsonNode> updates = open("manager", "/api/orders/" + order + "/updates");
        JsonNode initial = updates.poll(10, TimeUnit.SECONDS);
        assertThat(initial).as("the current state comes first").isNotNull();
        assertThat(initial.path("version").asLong()).isZero();

        assertThat(service.post("/api/orders/" + order + "/payments", payment("150.00", "CASH")).status()).isEqualTo(201);
        JsonNode update = updates.poll(10, TimeUnit.SECONDS);
        assertThat(update).as("the payment arrives on the stream").isNotNull();
        assertThat(update.path("version").asLong()).isEqualTo(1);
        assertThat(update.at("/paid/value").asText()).isEqualTo("150.00");
        assertThat(update.at("/payments/0/recordedBy/name").asText()).isEqualTo("Пётр Иванов");
    }

    @Test
    void aGuestsStreamSkipsInternalChanges() throws Exception {
        Api.Response placed = guest.post("/api/my/orders", orderBody(4, 2, "FULL"));
        String order = placed.text("/orderId");
        BlockingQueue<JsonNode> updates = open("guest", "/api/my/orders/" + order + "/updates");
        assertThat(updates.poll(10, TimeUnit.SECONDS)).isNotNull();

        Api.Response internal = manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"секрет\"}");
        Api.Response published = manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас\"}");
        long internalVersion = internal.json().path("version").asLong();
        long publicVersion = published.json().path("version").asLong();

        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (JsonNode doc = updates.poll(10, TimeUnit.SECONDS); doc != null; doc = updates.poll(1, TimeUnit.SECONDS)) {
            seen.add(doc.path("version").asLong());
            assertThat(doc.toString()).doesNotContain("секрет");
            assertThat(doc.path("paymentStatusLabel").asText()).isEqualTo("Не оплачен");
            if (doc.path("version").asLong() >= publicVersion) {
                break;
            }
        }
        assertThat(seen).as("the public change arrives").contains(publicVersion);
        assertThat(seen).as("the internal change does not").doesNotContain(internalVersion);
    }

    @Test
    void unknownOrdersHaveNoStream() {
        assertThat(manager.get("/api/orders/00000000-0000-4000-8000-000000000000/updates").status()).isEqualTo(404);
    }
}
