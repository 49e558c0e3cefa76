package com.orderdesk.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every API request body before anything reads it whole: the gateway's notifications to 64 KiB, everything
 * else to 256 KiB (an order is well under 2 KiB). A declared length over the limit is refused at once; a body that
 * turns out longer is cut off while it is read. Either way: {@code 413 payload-too-large}, nothing stored.
 */
public class BodySizeLimit extends OncePerRequestFilter {
    public static final int WEBHOOK_LIMIT = 64 * 1024;
    public static final int API_LIMIT = 256 * 1024;

    private final ObjectMapper json;

    public BodySizeLimit(ObjectMapper json) {
        this.json = json;
    }

    /** Reading past the limit: the request is answered 413, wherever the reading happened. */
    public static final class PayloadTooLarge extends IOException {
        PayloadTooLarge() {
            super("request body over the limit", null);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int limit = path.startsWith("/api/webhooks/") ? WEBHOOK_LIMIT : API_LIMIT;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (IOException | ServletException e) {
            if (!isTooLarge(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
            }
        }
    }

    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge) {
                return true;
            }
        }
        return false;
    }

    private void tooLarge(HttpServletResponse response, int limit) throws IOException {
        Problems.write(response, json, ErrorCode.PAYLOAD_TOO_LARGE, "Тело запроса больше " + (limit / 1024) + " КБ.");
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final int limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws PayloadTooLarge {
                        read += n;
                        if (read > limit) {
                            throw new PayloadTooLarge();
                        }
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
