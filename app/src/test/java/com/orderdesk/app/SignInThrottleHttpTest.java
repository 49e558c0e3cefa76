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

    private static String address() {
        return "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
    }

    private Api.Response signIn(String login, String password, String from) {
        String basic = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return anonymous.header("Authorization", "Basic " + basic).header("X-Forwarded-For", from).get("/api/me");
    }

    @Test
    void afterThreeFailuresAnAccountIsRefusedUncheckedWithRetryAfterEvenWithTheRightPassword() {
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
        assertThat(management.get("/actuator/prometheus").body())
                .containsPattern("(?m)^orderdesk_signin_failures_total(\\{[^}]*\\})? [3-9]")
                .containsPattern("(?m)^orderdesk_signin_throttled_total(\\{[^}]*\\})? [1-9]");
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
}
