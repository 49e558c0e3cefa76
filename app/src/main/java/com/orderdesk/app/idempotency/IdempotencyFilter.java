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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import java.util.concurrent.ThreadLocalRandom;
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
 * API.md: every state-changing request accepts {@code Idempotency-Key}. The first answer is stored per caller and key
 * and replayed for a repeat (header {@code Idempotent-Replayed: true}); the same key with another body is
 * {@code idempotency-key-reused}.
 *
 * <p>One transaction per request (docs/adr/017): the claim of the key, the command's events and read models and the
 * stored answer commit together or not at all, so a node that dies at any point leaves either the whole request with
 * its answer (a retry gets that answer) or nothing of it (a retry runs it once). A twin arriving while the first still
 * runs waits on the first's claim (at most {@link #TWIN_WAIT}) and gets its answer, or {@code idempotency-key-in-use}.
 * A command that loses a race for its order to another node runs again in a fresh transaction; a 5xx answer rolls back
 * and leaves the key free; a refusal (4xx) changed nothing and is stored as the answer.
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    public static final String HEADER = "Idempotency-Key";
    /** Set on the request when its command lost a race for the order's next event (ApiExceptionHandler): run it again. */
    public static final String LOST_RACE = IdempotencyFilter.class.getName() + ".lostRace";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int MAX_BODY = 1024 * 1024;
    /** How often a request whose command lost races is run before its last answer stands. */
    private static final int RACE_ATTEMPTS = 5;
    /** Requests that wait for other transactions after their command (see {@link #outsideTheTransaction}). */
    private static final Pattern OUTSIDE_THE_TRANSACTION = Pattern.compile("/api/my/orders/[^/]+/payment");
    /** How long a twin waits for the first request's answer before it is told {@code idempotency-key-in-use}. */
    static final Duration TWIN_WAIT = Duration.ofSeconds(5);

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final PlatformTransactionManager transactions;
    private final CrashPoints crashPoints;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper json, PlatformTransactionManager transactions, CrashPoints crashPoints) {
        this.store = store;
        this.json = json;
        this.transactions = transactions;
        this.crashPoints = crashPoints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
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

        if ("POST".equals(request.getMethod()) && OUTSIDE_THE_TRANSACTION.matcher(path(request)).matches()) {
            outsideTheTransaction(scope, principal, fingerprint, body, request, response, chain);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
            boolean open = true;
            try {
                try {
                    store.claim(scope, principal, fingerprint);
                } catch (DuplicateKeyException taken) {
                    transactions.rollback(tx);
                    open = false;
                    if (answered(scope, fingerprint, response)) {
                        return;
                    }
                    continue; // a claim an earlier version left behind was dropped: run the request
                } catch (QueryTimeoutException | PessimisticLockingFailureException stillRunning) {
                    transactions.rollback(tx);
                    open = false;
                    inUse(response);
                    return;
                }
                request.removeAttribute(LOST_RACE);
                ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
                chain.doFilter(new CachedBodyRequest(request, body), captured);
                boolean lostRace = request.getAttribute(LOST_RACE) != null;
                if (lostRace && attempt < RACE_ATTEMPTS) {
                    transactions.rollback(tx);
                    open = false;
                    log.info("Request {} {} lost a race for its order (attempt {}); running it again", request.getMethod(),
                            request.getRequestURI(), attempt);
                    resetKeepingTrace(response);
                    pause(attempt);
                    continue;
                }
                int status = captured.getStatus();
                if (status >= 500 || lostRace) {
                    // nothing of a failed request stays, and the key is free for the client's retry (a race lost every
                    // time is no answer to keep either: the next try may well win)
                    transactions.rollback(tx);
                    open = false;
                } else if (tx.isRollbackOnly()) {
                    transactions.rollback(tx);
                    open = false;
                    if (status < 400) {
                        // it says it succeeded, but something inside failed and spoiled its transaction: nothing of it
                        // stays, so it must not be answered — nor kept — as done
                        log.error("Request {} {} answered {} but its transaction could not commit; nothing of it was kept",
                                request.getMethod(), request.getRequestURI(), status);
                        resetKeepingTrace(response);
                        Problems.write(response, json, ErrorCode.INTERNAL_ERROR,
                                "Запрос не выполнен: ничего не изменено. Повторите его.");
                        return;
                    }
                    // the command was refused and rolled its work back: the refusal is the answer, kept on its own
                    keepRefusal(scope, principal, fingerprint, captured);
                } else {
                    keepAnswer(scope, captured);
                    crashPoints.reached(CrashPoints.BEFORE_COMMIT, key);
                    open = false; // a commit that fails rolls back by itself
                    transactions.commit(tx);
                    crashPoints.reached(CrashPoints.AFTER_COMMIT, key);
                }
                captured.copyBodyToResponse();
                return;
            } finally {
                if (open) {
                    transactions.rollback(tx);
                }
            }
        }
    }

    /**
     * The guest's «Оплатить» waits, after its command, for the payment saga to create the gateway's payment — work of
     * other transactions, which cannot see the command's until it commits. So this request runs outside one: the claim
     * commits first, the command in its own, the answer last. A crash between them leaves a claim without an answer,
     * and the retry runs the request again — safe here, because asking to pay reuses the order's open payment request
     * (the same payment, the same page), whoever asks and however often.
     */
    private void outsideTheTransaction(String scope, String principal, String fingerprint, byte[] body, HttpServletRequest request,
                                       HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            store.claim(scope, principal, fingerprint);
        } catch (DuplicateKeyException taken) {
            Optional<IdempotencyRecord> seen = store.find(scope);
            if (seen.isPresent() && !seen.get().fingerprint().equals(fingerprint)) {
                reused(response);
                return;
            }
            if (seen.isPresent() && seen.get().completed()) {
                replay(seen.get(), response);
                return;
            }
            // another try of this request runs, or died: this one runs too, and asks for the same open payment
        } catch (QueryTimeoutException | PessimisticLockingFailureException stillRunning) {
            inUse(response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(new CachedBodyRequest(request, body), captured);
        if (captured.getStatus() >= 500) {
            store.dropLeftoverClaim(scope);
        } else {
            keepAnswer(scope, captured);
        }
        captured.copyBodyToResponse();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Clears what a try wrote to the response, keeping the request's trace and correlation ids on it. */
    private static void resetKeepingTrace(HttpServletResponse response) {
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        for (String name : new String[]{com.orderdesk.app.audit.RequestTrace.TRACE_HEADER,
                com.orderdesk.app.audit.RequestTrace.CORRELATION_HEADER}) {
            if (response.getHeader(name) != null) {
                kept.put(name, response.getHeader(name));
            }
        }
        response.reset();
        kept.forEach(response::setHeader);
    }

    /**
     * The key is someone's (the claim waited for their transaction, which committed): their answer, a refusal of another
     * request under the same key, or — for a claim an earlier version left unanswered — nothing (false): it is dropped.
     */
    private boolean answered(String scope, String fingerprint, HttpServletResponse response) throws IOException {
        Optional<IdempotencyRecord> seen = store.find(scope);
        if (seen.isEmpty()) {
            return false; // gone meanwhile (expired): run the request
        }
        IdempotencyRecord record = seen.get();
        if (!record.fingerprint().equals(fingerprint)) {
            reused(response);
            return true;
        }
        if (record.completed()) {
            replay(record, response);
            return true;
        }
        if (store.mayStillRun(record)) {
            // during a rolling upgrade a node of the earlier version may still be running it
            inUse(response);
            return true;
        }
        store.dropLeftoverClaim(scope);
        return false;
    }

    /** A refusal changed nothing: it is stored alone (a twin that answered meanwhile keeps its own). */
    private void keepRefusal(String scope, String principal, String fingerprint, ContentCachingResponseWrapper captured) {
        TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            store.claim(scope, principal, fingerprint);
            keepAnswer(scope, captured);
            transactions.commit(tx);
        } catch (RuntimeException notKept) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            log.debug("Refusal under key scope {} not stored ({}); a repeat is refused again", scope, notKept.toString());
        }
    }

    /** A short, growing, jittered pause before a request that lost a race runs again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt + ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request's answer, written onto its claim (in whatever transaction is open). */
    private void keepAnswer(String scope, ContentCachingResponseWrapper captured) {
        store.complete(scope, captured.getStatus(), captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                captured.getHeader(HttpHeaders.ETAG), captured.getContentAsByteArray());
    }

    private void reused(HttpServletResponse response) throws IOException {
        Problems.write(response, json, ErrorCode.IDEMPOTENCY_KEY_REUSED, "Этот Idempotency-Key уже использован для другого запроса.");
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

    static String sha256(String text) {
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
