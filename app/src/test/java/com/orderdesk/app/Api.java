package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client against the running application, as any other client of the API sees it. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String user;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String base, String user, Map<String, String> headers) {
        this.base = base;
        this.user = user;
        this.headers.putAll(headers);
    }

    /** No answer came: the connection was refused, reset or timed out (a server down or gone) — never a bad answer. */
    public static final class NoAnswer extends RuntimeException {
        NoAnswer(String request, IOException cause) {
            super("no answer to " + request + ": " + cause, cause);
        }
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, null, Map.of());
    }

    /** Signed in as a demo identity (password = login). */
    public Api as(String login) {
        return new Api(base, login, headers);
    }

    public Api header(String name, String value) {
        Api copy = new Api(base, user, headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response send(String method, String path, String body, String contentType) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), contentType);
    }

    /** A JSON body sent without a declared length (chunked), as a client that streams it would. */
    public Response sendStreamed(String method, String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return exchange(method, path, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)),
                "application/json");
    }

    /** A file as the server sends it (an export): status, headers and the bytes. */
    public record Download(int status, String contentType, String disposition, byte[] body) {
    }

    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Content-Disposition").orElse(null), response.body());
        } catch (IOException e) {
            throw new NoAnswer("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new NoAnswer(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static final class Response {
        private final HttpResponse<String> raw;
        private JsonNode json;

        Response(HttpResponse<String> raw) {
            this.raw = raw;
        }

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            if (json == null) {
                try {
                    json = JSON.readTree(raw.body());
                } catch (IOException e) {
                    throw new IllegalStateException("Not JSON: " + raw.body(), e);
                }
            }
            return json;
        }

        /** The stable problem code of an error answer. */
        public String code() {
            return json().path("code").asText(null);
        }

        public String text(String pointer) {
            return json().at(pointer).asText(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
