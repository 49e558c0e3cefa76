package com.orderdesk.app;

import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** People in a browser sign in once; their session cookie works only together with the CSRF token. */
class BrowserSessionHttpTest extends HttpTestBase {

    @Test
    void signInKeepsASessionThatChangesNothingWithoutItsCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;

        HttpResponse<String> noToken = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=manager")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("the login form itself needs the CSRF token").isEqualTo(403);

        String csrf = browser.send(HttpRequest.newBuilder(URI.create(base + "/csrf")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(csrf).path("token").asText();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=manager&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("Ирина Соколова");

        HttpRequest.Builder place = HttpRequest.newBuilder(URI.create(base + "/api/orders")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(orderBody(3, 2, "FULL")));
        assertThat(browser.send(place.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a cookie alone cannot change anything").isEqualTo(403);
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().getValue();
        assertThat(browser.send(place.header("X-XSRF-TOKEN", xsrf).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(base + "/logout")).header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isIn(204, 302);
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void pagesSendStrangersToTheLoginPageAndTheApiAnswers401() throws Exception {
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = stranger.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.get("/api/orders").status()).isEqualTo(401);
        assertThat(anonymous.get("/login").body()).contains("Вход").contains("Войти");
    }

    /**
     * A stranger's request keeps nothing on the server: each used to open a session (to remember the page for after
     * signing in, which the sign-in never used) that lived 30 minutes — 200 000 requests in 30 s held 200 000 sessions,
     * and a minute and a half of them filled a 1 GB heap.
     */
    @Test
    void strangersGetNoSession() throws Exception {
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/", "/order.html?id=x", "/login", "/csrf", "/api/orders"}) {
            HttpResponse<String> response = stranger.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().allValues("Set-Cookie")).as(path)
                    .noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID"));
        }
    }
}
