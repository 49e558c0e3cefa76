package com.orderdesk.app;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestClock;
import com.orderdesk.app.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Production identities: JWT bearer tokens signed by the configured issuer's key, roles from the token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles(resolver = TestDatabase.ProductionProfiles.class)
@Import(TestClockConfiguration.class)
class JwtIdentityHttpTest {
    private static final KeyPair KEYS;
    private static final KeyPair OTHER_KEYS;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
            OTHER_KEYS = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("orderdesk-jwt-");
        Path pem = dir.resolve("issuer.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "order-desk");
        TestDatabase.register(registry, dir.toString());
        registry.add("orderdesk.catalog.services[0].id", () -> "coworking-2nd-floor");
        registry.add("orderdesk.catalog.services[0].name", () -> "Коворкинг на 2 этаже");
        registry.add("orderdesk.catalog.services[0].time-zone", () -> "Asia/Yekaterinburg");
        registry.add("orderdesk.catalog.services[0].tariffs[0].id", () -> "standard");
        registry.add("orderdesk.catalog.services[0].tariffs[0].name", () -> "Стандарт");
        registry.add("orderdesk.catalog.services[0].tariffs[0].unit-price", () -> "100.00");
        // responsible staff are named by their tokens' subject
        registry.add("orderdesk.catalog.services[0].staff[0].id", () -> "u-42");
        registry.add("orderdesk.catalog.services[0].staff[0].name", () -> "Ирина Соколова");
        registry.add("orderdesk.gateway.base-url", () -> "http://localhost:1");
    }

    private static String token(KeyPair keys, String subject, Map<String, Object> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).audience("order-desk").issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    /** A desk order three days ahead by the service's clock. */
    private String orderBody() {
        return OrderBodies.order(clock.today(OrderBodies.PERM).plusDays(3), 4, "FULL", null);
    }

    private Api bearer(String token) {
        return Api.at(port).header("Authorization", "Bearer " + token);
    }

    @Test
    void aManagersTokenPlacesAnOrderAndTheTimelineNamesThem() throws Exception {
        Api manager = bearer(token(KEYS, "u-42", Map.of("name", "Ирина Соколова", "roles", List.of("RENTAL_MANAGER"))));
        Api.Response placed = manager.post("/api/orders", orderBody());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        Api.Response timeline = manager.get("/api/orders/" + placed.text("/orderId") + "/timeline");
        assertThat(timeline.text("/0/author/id")).isEqualTo("u-42");
        assertThat(timeline.text("/0/author/name")).isEqualTo("Ирина Соколова");

        // a manager the catalog does not name for the service neither sees the order nor places one there
        Api stranger = bearer(token(KEYS, "u-43", Map.of("name", "Ирина Соколова", "roles", List.of("RENTAL_MANAGER"))));
        assertThat(stranger.get("/api/orders/" + placed.text("/orderId")).status()).isEqualTo(404);
        assertThat(stranger.post("/api/orders", orderBody()).status()).isEqualTo(400);
    }

    /**
     * Issue 26: a guest's own address — mailed without asking — is the token's e-mail only when the identity provider
     * says it verified it; without {@code email_verified: true} the booking's address awaits confirmation.
     */
    @Test
    void aGuestsOwnAddressIsTheTokensEmailOnlyWhenVerified() throws Exception {
        String address = "jwt.guest@example.com";
        Map<String, Map<String, Object>> tokens = new java.util.LinkedHashMap<>();
        tokens.put("verified", Map.of("roles", List.of("GUEST"), "email", address, "email_verified", true));
        tokens.put("not said", Map.of("roles", List.of("GUEST"), "email", address));
        tokens.put("not verified", Map.of("roles", List.of("GUEST"), "email", address, "email_verified", false));
        Map<String, Boolean> awaits = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> token : tokens.entrySet()) {
            Api guest = bearer(token(KEYS, "g-" + java.util.UUID.randomUUID(), token.getValue()));
            Api.Response placed = guest.post("/api/my/orders", OrderBodies.order(clock.today(OrderBodies.PERM).plusDays(3), 2, "FULL", address));
            assertThat(placed.status()).as(token.getKey() + ": " + placed).isEqualTo(201);
            awaits.put(token.getKey(), guest.get("/api/my/orders/" + placed.text("/orderId")).json().path("visitorEmailUnconfirmed").asBoolean());
        }
        assertThat(awaits).containsExactly(Map.entry("verified", false), Map.entry("not said", true), Map.entry("not verified", true));
    }

    @Test
    void keycloakStyleRolesWorkToo() throws Exception {
        Api auditor = bearer(token(KEYS, "a-1", Map.of("preferred_username", "audit", "realm_access", Map.of("roles", List.of("offline_access", "auditor")))));
        assertThat(auditor.get("/api/orders").status()).isEqualTo(200);
        assertThat(auditor.post("/api/orders", orderBody()).status()).isEqualTo(403);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        Api.Response elsewhere = bearer(token(KEYS, "u-42", Map.of("roles", List.of("RENTAL_MANAGER"), "aud", "another-service")))
                .get("/api/orders");
        assertThat(elsewhere.status()).isEqualTo(401);
        assertThat(elsewhere.code()).isEqualTo("unauthenticated");
    }

    @Test
    void noRoleForeignSignatureOrNoTokenGetNothing() throws Exception {
        assertThat(bearer(token(KEYS, "nobody", Map.of())).get("/api/orders").status()).isEqualTo(403);
        Api.Response me = bearer(token(KEYS, "nobody", Map.of("roles", List.of("JANITOR")))).get("/api/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(403);
        assertThat(me.code()).isEqualTo("forbidden");
        Api.Response forged = bearer(token(OTHER_KEYS, "u-42", Map.of("roles", List.of("RENTAL_MANAGER")))).get("/api/orders");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("unauthenticated");
        assertThat(Api.at(port).get("/api/orders").status()).isEqualTo(401);
        assertThat(Api.at(port).as("manager").get("/api/orders").status()).as("no demo users outside the demo").isEqualTo(401);
    }
}
