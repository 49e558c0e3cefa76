package com.orderdesk.app.audit;

import com.orderdesk.shared.audit.Attribution;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Gives every request a trace id — the W3C {@code traceparent}'s when the caller sent one, a new one otherwise —
 * and a correlation id ({@code X-Correlation-Id} when sent, else new). Both go into the log context, back to the
 * caller as headers, and onto the metadata of every command the request sends and every event those cause.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestTrace extends OncePerRequestFilter {
    public static final String TRACE_HEADER = "X-Trace-Id";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = traceIdOf(request.getHeader("traceparent"));
        String sent = request.getHeader(CORRELATION_HEADER);
        String correlationId = sent != null && CORRELATION.matcher(sent).matches() ? sent : org.axonframework.common.IdentifierFactory.getInstance().generateIdentifier();
        request.setAttribute(Attribution.TRACE_ID, traceId);
        request.setAttribute(Attribution.CORRELATION_ID, correlationId);
        response.setHeader(TRACE_HEADER, traceId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        MDC.put(Attribution.TRACE_ID, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Attribution.TRACE_ID);
        }
    }

    static String traceIdOf(String traceparent) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
                return matcher.group(1);
            }
        }
        return Attribution.newTraceId();
    }
}
