package com.orderdesk.app;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: staff sign-ins cannot be guessed at full speed. Failures are slowed per account and per address: after
 * three failures {@code 429 too-many-requests} with {@code Retry-After}, unchecked; a success resets the account; every
 * failure is counted. Its own application (its own buckets; small numbers); each case from an address of its own
 * ({@code X-Forwarded-For} from the trusted local proxy), so none throttles another.
 */
class SignInThrottleHttpTest extends HttpTestBase {

    @DynamicPropertySource
    static void smallBudgets(DynamicPropertyRegistry registry) {
        registry.add("orderdesk.sign-in.account-failures", () -> "3");
        registry.add("orderdesk.sign-in.account-refill", () -> "1h");
        registry.add("orderdesk.sign-in.address-failures", () -> "5");
        registry.add("orderdesk.sign-in.address-refill", () -> "1h");
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** An address no other case of this class uses (documentation ranges, RFC 5737). */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return (n <= 250 ? "203.0.113." : "198.51.100.") + (1 + (n - 1) % 250);
    }

    private Api.Response signIn(String login, String password, String from) {
        String basic = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return anonymous.header("Authorization", "Basic " + basic).header("X-Forwarded-For", from).get("/api/me");
    }

    /** A counter's value as Prometheus reads it. */
    private double metric(String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.Ee+-]+)$")
                .matcher(management.get("/actuator/prometheus").body());
        return value.find() ? Double.parseDouble(value.group(2)) : 0;
    }

    @Test
    void afterThreeFailuresAnAccountIsRefusedUncheckedWithRetryAfterEvenWithTheRightPassword() {
        double failuresBefore = metric("orderdesk_signin_failures_total");
        double throttledBefore = metric("orderdesk_signin_throttled_total");
        String from = address();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("service", "guess-" + i, from).status()).isEqualTo(401);
        }
        Api.Response throttled = signIn("service", "service", from);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("too-many-requests");
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        // the account, from anywhere: not only that address
        assertThat(signIn("service", "service", address()).status()).isEqualTo(429);
        // another account is not slowed by it
        assertThat(signIn("auditor", "auditor", address()).status()).isEqualTo(200);
        assertThat(metric("orderdesk_signin_failures_total") - failuresBefore).as("failures counted").isEqualTo(3);
        assertThat(metric("orderdesk_signin_throttled_total") - throttledBefore).as("refusals counted").isEqualTo(2);
    }

    @Test
    void aSuccessResetsTheAccount() {
        String from = address();
        assertThat(signIn("guest2", "wrong-1", from).status()).isEqualTo(401);
        assertThat(signIn("guest2", "wrong-2", from).status()).isEqualTo(401);
        assertThat(signIn("guest2", "guest2", from).status()).isEqualTo(200);
        assertThat(signIn("guest2", "wrong-3", from).status()).isEqualTo(401);
        assertThat(signIn("guest2", "wrong-4", from).status()).isEqualTo(401);
        assertThat(signIn("guest2", "guest2", from).status()).as("two failures since the success: not slowed").isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedToo() {
        String from = address();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("nobody-" + i + "-" + UUID.randomUUID(), "x", from).status()).isEqualTo(401);
        }
        assertThat(signIn("auditor", "auditor", from).status()).as("the address is out of tries").isEqualTo(429);
        assertThat(signIn("auditor", "auditor", address()).status()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysHowLongToWait() throws Exception {
        String from = address();
        String account = "form-" + UUID.randomUUID();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        String csrf = browser.send(HttpRequest.newBuilder(URI.create(base + "/csrf")).header("X-Forwarded-For", from).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", from)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + account + "&password=x&_csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(302);
        assertThat(last.headers().firstValue("Location").orElseThrow()).contains("/login?throttled=");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    /** Spring Security reads any character after "Basic" as the separator: so does the throttle. */
    @Test
    void aBasicHeaderWithAnotherSeparatorIsCountedAndRefusedToo() {
        String from = address();
        String account = "odd-basic-" + UUID.randomUUID();
        for (String scheme : List.of("Basic\t", "BasicX", "basic ")) {
            String basic = Base64.getEncoder().encodeToString((account + ":guess").getBytes(StandardCharsets.UTF_8));
            assertThat(anonymous.header("Authorization", scheme + basic).header("X-Forwarded-For", from).get("/api/me").status())
                    .as(scheme).isEqualTo(401);
        }
        String basic = Base64.getEncoder().encodeToString((account + ":guess").getBytes(StandardCharsets.UTF_8));
        assertThat(anonymous.header("Authorization", "Basic\t" + basic).header("X-Forwarded-For", address()).get("/api/me").status())
                .isEqualTo(429);
    }

    /** After a failure every attempt pays before it is checked: a burst of guesses gets the tokens there are, no more. */
    @Test
    void aBurstOfGuessesAgainstAnAccountWithAFailureGetsOnlyItsRemainingTries() throws Exception {
        String account = "burst-" + UUID.randomUUID();
        assertThat(signIn(account, "first", address()).status()).isEqualTo(401); // two tries left
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String from = address();
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return signIn(account, "burst-" + n, from).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 401).as("checked: " + statuses).hasSizeLessThanOrEqualTo(2);
            assertThat(statuses).filteredOn(status -> status == 429).as("refused unchecked: " + statuses).hasSizeGreaterThanOrEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a guesser sends as a name is kept as its hash when it is longer than any account's: it still counts. */
    @Test
    void anEnormousNameCountsAsOneAccount() {
        String from = address();
        String enormous = "x".repeat(4_000); // longer than any account, within what Tomcat takes as a header
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(enormous, "guess-" + i, from).status()).isEqualTo(401);
        }
        assertThat(signIn(enormous, "guess", address()).status()).isEqualTo(429);
    }
}
