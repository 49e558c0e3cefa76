package com.orderdesk.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.app.web.Problems;
import com.orderdesk.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API.md: every state-changing request accepts {@code Idempotency-Key}. The first answer is stored per caller
 * and key and replayed for a repeat (header {@code Idempotent-Replayed: true}); the same key with another body
 * is {@code idempotency-key-reused}; a repeat while the first is still running waits (at most {@link #TWIN_WAIT}) for
 * the first answer and gets it, and is {@code idempotency-key-in-use} only if the first is still running then.
 * A 5xx answer releases the key, since it changed nothing and the client should retry.
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int MAX_BODY = 1024 * 1024;
    /** A claim untouched this long belongs to a request that died; a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    /** How long a twin waits for the first request's answer before it is told {@code idempotency-key-in-use}. */
    static final Duration TWIN_WAIT = Duration.ofSeconds(5);

    private final IdempotencyStore store;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getHeader(HEADER) == null || !STATE_CHANGING.contains(request.getMethod())
                || !path.startsWith("/api/") || path.startsWith("/api/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            Problems.write(response, json, ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key: от 1 до 200 печатных символов ASCII без пробелов.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            Problems.write(response, json, ErrorCode.PAYLOAD_TOO_LARGE, "Тело запроса слишком большое.");
            return;
        }
        String principal = authentication.getName();
        String scope = sha256(principal + "\n" + key);
        String fingerprint = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                + "\n" + sha256(body));

        // The first request's claim is its insert (no read before it). A repeat reads the record; a twin (same key,
        // same request) that arrives while the first still runs waits for its answer, bounded.
        long waitUntil = System.nanoTime() + TWIN_WAIT.toNanos();
        boolean claimed = store.claim(scope, principal, fingerprint);
        while (!claimed) {
            Optional<IdempotencyRecord> seen = store.find(scope);
            if (seen.isEmpty()) {
                claimed = store.claim(scope, principal, fingerprint); // the holder released it (its 5xx): claim again
                continue;
            }
            IdempotencyRecord record = seen.get();
            if (!record.fingerprint().equals(fingerprint)) {
                Problems.write(response, json, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "Этот Idempotency-Key уже использован для другого запроса.");
                return;
            }
            if (record.completed()) {
                replay(record, response);
                return;
            }
            boolean abandoned = record.updatedAt().plus(ABANDONED_AFTER).isBefore(store.now());
            if (abandoned && store.takeOver(scope, record.updatedAt())) {
                claimed = true;
                continue;
            }
            if (System.nanoTime() > waitUntil) {
                inUse(response);
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inUse(response);
                return;
            }
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            int status = captured.getStatus();
            if (status < 500) {
                store.complete(scope, status, captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                        captured.getHeader(HttpHeaders.ETAG), captured.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(scope);
            }
            captured.copyBodyToResponse();
        }
    }

    private void inUse(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(response, json, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                "Запрос с этим Idempotency-Key ещё выполняется. Повторите через секунду.");
    }

    private static void replay(IdempotencyRecord record, HttpServletResponse response) throws IOException {
        response.setStatus(record.httpStatus());
        response.setHeader("Idempotent-Replayed", "true");
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, record.location());
        }
        if (record.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, record.etag());
        }
        if (record.body() != null) {
            response.getOutputStream().write(record.body());
        }
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once and served again to the controller. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
