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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

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
    /** Longer names than this are no account's: kept as their hash. */
    private static final int MAX_NAME = 200;
    private final Bandwidth perAccount;
    private final Bandwidth perAddress;
    private final long accountCapacity;
    private final long addressCapacity;
    private final Counter failures;
    private final Counter throttled;

    SignInThrottle(@Value("${orderdesk.sign-in.account-failures:5}") int accountFailures,
                   @Value("${orderdesk.sign-in.account-refill:30s}") Duration accountRefill,
                   @Value("${orderdesk.sign-in.address-failures:20}") int addressFailures,
                   @Value("${orderdesk.sign-in.address-refill:10s}") Duration addressRefill, MeterRegistry meters) {
        this.accountCapacity = accountFailures;
        this.addressCapacity = addressFailures;
        this.perAccount = Bandwidth.builder().capacity(accountFailures).refillGreedy(1, accountRefill).build();
        this.perAddress = Bandwidth.builder().capacity(addressFailures).refillGreedy(1, addressRefill).build();
        this.failures = Counter.builder("orderdesk.signin.failures").description("Failed sign-ins (wrong login or password)").register(meters);
        this.throttled = Counter.builder("orderdesk.signin.throttled").description("Sign-ins refused unchecked: too many failures").register(meters);
    }

    /**
     * Whether a sign-in of {@code account} from {@code address} may be checked now. An account or address with failures
     * behind it pays for the attempt before its password is checked (a token taken now, given back if it succeeds), so a
     * burst of guesses gets only the tokens there are; one with no failures is checked at once — a busy API client with
     * the right password never waits — and only the first burst against it passes unpaid.
     */
    Admission admit(String account, String address) {
        Bucket accountBucket = accounts.getIfPresent(key(account));
        Bucket addressBucket = address == null ? null : addresses.getIfPresent(address);
        Duration wait = longer(waitOf(accountBucket), waitOf(addressBucket));
        if (!wait.isZero()) {
            return Admission.refused(wait);
        }
        boolean paysForAccount = accountBucket != null && accountBucket.getAvailableTokens() < accountCapacity;
        boolean paysForAddress = addressBucket != null && addressBucket.getAvailableTokens() < addressCapacity;
        if (paysForAccount && !accountBucket.tryConsume(1)) {
            return Admission.refused(longer(waitOf(accountBucket), Duration.ofSeconds(1)));
        }
        if (paysForAddress && !addressBucket.tryConsume(1)) {
            if (paysForAccount) {
                accountBucket.addTokens(1);
            }
            return Admission.refused(longer(waitOf(addressBucket), Duration.ofSeconds(1)));
        }
        return new Admission(null, paysForAccount, paysForAddress ? addressBucket : null);
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    private static Duration waitOf(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /**
     * What a sign-in let through holds while its password is checked (on this thread: Spring Security publishes the
     * outcome where it checks): whether it paid for the account, and the address bucket it paid.
     */
    record Admission(Duration refusedFor, boolean paidForAccount, Bucket paidAddress) {
        static Admission refused(Duration wait) {
            return new Admission(wait, false, null);
        }

        boolean refused() {
            return refusedFor != null;
        }
    }

    private static final ThreadLocal<Admission> CHECKING = new ThreadLocal<>();

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken) {
            return; // a bearer token is no password to guess (and its "name" is the token itself)
        }
        String account = key(event.getAuthentication().getName());
        String address = addressOf(event.getAuthentication());
        Admission paid = CHECKING.get();
        CHECKING.remove();
        failures.increment();
        if (paid == null || !paid.paidForAccount()) {
            accounts.get(account, k -> Bucket.builder().addLimit(perAccount).build()).tryConsume(1);
        }
        if (address != null && (paid == null || paid.paidAddress() == null)) {
            addresses.get(address, k -> Bucket.builder().addLimit(perAddress).build()).tryConsume(1);
        }
        log.warn("Failed sign-in for account '{}' from {} ({})", shown(account), address, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Admission paid = CHECKING.get();
        CHECKING.remove();
        accounts.invalidate(key(event.getAuthentication().getName()));
        if (paid != null && paid.paidAddress() != null) {
            paid.paidAddress().addTokens(1); // a success costs the address nothing
        }
    }

    /**
     * The account as the buckets know it: in lower case (sign-in names are case-blind); a name longer than any account's
     * is kept as its hash, so that what a guesser sends cannot fill memory.
     */
    private static String key(String account) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name for the log: what was sent, at most 64 characters of it, controls shown as '?'. */
    private static String shown(String account) {
        String cut = account.length() > 64 ? account.substring(0, 64) + "…" : account;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /**
     * Placed before the sign-in filters: a sign-in (HTTP Basic, read as Spring Security reads it, or the login form's
     * post) of an account or from an address out of tokens is refused before its password is checked.
     */
    static final class Gate extends OncePerRequestFilter {
        private final SignInThrottle throttle;
        private final ObjectMapper json;
        private final org.springframework.security.web.authentication.www.BasicAuthenticationConverter basic =
                new org.springframework.security.web.authentication.www.BasicAuthenticationConverter();

        Gate(SignInThrottle throttle, ObjectMapper json) {
            this.throttle = throttle;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
            String account = form ? request.getParameter("username") : basicAccount(request);
            if (account == null) {
                chain.doFilter(request, response);
                return;
            }
            Admission admission = throttle.admit(account, request.getRemoteAddr());
            if (!admission.refused()) {
                CHECKING.set(admission);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CHECKING.remove();
                }
                return;
            }
            long seconds = Math.max(1, (admission.refusedFor().toMillis() + 999) / 1000);
            throttle.throttled.increment();
            log.warn("Sign-in of account '{}' from {} refused unchecked for {} s: too many failures", shown(key(account)),
                    request.getRemoteAddr(), seconds);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            if (form) {
                response.sendRedirect("/login?throttled=" + seconds);
            } else {
                Problems.write(response, json, ErrorCode.TOO_MANY_REQUESTS, "Слишком много неудачных попыток входа. Повторите через "
                        + seconds + " с.");
            }
        }

        /** The account an HTTP Basic header names, exactly as Spring Security's own filter will read it; null: none. */
        private String basicAccount(HttpServletRequest request) {
            try {
                UsernamePasswordAuthenticationToken token = basic.convert(request);
                return token == null ? null : token.getName();
            } catch (org.springframework.security.core.AuthenticationException malformed) {
                return null; // refused by the sign-in filter itself, no password checked
            }
        }
    }
}
