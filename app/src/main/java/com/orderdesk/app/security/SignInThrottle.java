package com.orderdesk.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.orderdesk.app.web.Problems;
import com.orderdesk.shared.error.ErrorCode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed sign-ins are slowed per account and per address (token buckets, Bucket4j): each failure takes a token; with
 * none left a sign-in is not even checked — the API answers {@code 429 too-many-requests} with {@code Retry-After},
 * the login page says how long to wait — until tokens come back. A success gives the account its tokens back (not the
 * address: one's own account must not reset a guesser's budget for others). Per node, in memory: with N nodes behind a
 * balancer a guesser gets N times the budget (docs/adr/018). Every failure is logged and counted
 * ({@code orderdesk_signin_failures_total}), every refusal too ({@code orderdesk_signin_throttled_total}).
 */
@Component
public class SignInThrottle {
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Cache<String, Bucket> accounts = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(6)).build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(6)).build();
    private final Bandwidth perAccount;
    private final Bandwidth perAddress;
    private final Counter failures;
    private final Counter throttled;

    SignInThrottle(@Value("${orderdesk.sign-in.account-failures:5}") int accountFailures,
                   @Value("${orderdesk.sign-in.account-refill:30s}") Duration accountRefill,
                   @Value("${orderdesk.sign-in.address-failures:20}") int addressFailures,
                   @Value("${orderdesk.sign-in.address-refill:10s}") Duration addressRefill, MeterRegistry meters) {
        this.perAccount = Bandwidth.builder().capacity(accountFailures).refillGreedy(1, accountRefill).build();
        this.perAddress = Bandwidth.builder().capacity(addressFailures).refillGreedy(1, addressRefill).build();
        this.failures = Counter.builder("orderdesk.signin.failures").description("Failed sign-ins (wrong login or password)").register(meters);
        this.throttled = Counter.builder("orderdesk.signin.throttled").description("Sign-ins refused unchecked: too many failures").register(meters);
    }

    /** How long {@code account} from {@code address} must wait before its next sign-in is checked; empty: not at all. */
    Optional<Duration> wait(String account, String address) {
        Duration account1 = waitOf(accounts.getIfPresent(key(account)));
        Duration address1 = waitOf(addresses.getIfPresent(address));
        Duration longest = account1.compareTo(address1) >= 0 ? account1 : address1;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    private static Duration waitOf(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String account = key(event.getAuthentication().getName());
        String address = addressOf(event.getAuthentication());
        failures.increment();
        accounts.get(account, k -> Bucket.builder().addLimit(perAccount).build()).tryConsume(1);
        if (address != null) {
            addresses.get(address, k -> Bucket.builder().addLimit(perAddress).build()).tryConsume(1);
        }
        log.warn("Failed sign-in for account '{}' from {} ({})", account, address, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.invalidate(key(event.getAuthentication().getName()));
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /**
     * Placed before the sign-in filters: a sign-in (HTTP Basic, or the login form's post) of an account or from an
     * address out of tokens is refused before its password is checked.
     */
    static final class Gate extends OncePerRequestFilter {
        private final SignInThrottle throttle;
        private final ObjectMapper json;

        Gate(SignInThrottle throttle, ObjectMapper json) {
            this.throttle = throttle;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
            String account = form ? request.getParameter("username") : basicAccount(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (account == null) {
                chain.doFilter(request, response);
                return;
            }
            Optional<Duration> wait = throttle.wait(account, request.getRemoteAddr());
            if (wait.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throttle.throttled.increment();
            log.warn("Sign-in of account '{}' from {} refused unchecked for {} s: too many failures", key(account),
                    request.getRemoteAddr(), seconds);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            if (form) {
                response.sendRedirect("/login?throttled=" + seconds);
            } else {
                Problems.write(response, json, ErrorCode.TOO_MANY_REQUESTS, "Слишком много неудачных попыток входа. Повторите через "
                        + seconds + " с.");
            }
        }

        private static String basicAccount(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }
}
