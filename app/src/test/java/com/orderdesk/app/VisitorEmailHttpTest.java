package com.orderdesk.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The visitor's e-mail (issue 14): optional on every order, checked, kept with the order and shown on its form. */
class VisitorEmailHttpTest extends HttpTestBase {

    @Test
    void anOrderKeepsTheVisitorsEmailAndShowsItToStaffAndTheGuest() {
        String desk = manager.post("/api/orders", orderBody(3, 2, "FULL", "Orlova@Example.COM")).text("/orderId");
        assertThat(manager.get("/api/orders/" + desk).text("/visitor/email")).isEqualTo("Orlova@example.com");

        Api.Response online = guest.post("/api/my/orders", orderBody(5, 2, "FULL", "orlova@example.com"));
        assertThat(online.status()).as(online.toString()).isEqualTo(201);
        assertThat(guest.get("/api/my/orders/" + online.text("/orderId")).text("/visitor/email")).isEqualTo("orlova@example.com");

        // none given: none kept
        String without = placeDeskOrder(2);
        assertThat(manager.get("/api/orders/" + without).json().path("visitor").path("email").isNull()).isTrue();
    }

    @Test
    void anAddressMailCannotGoToIsRefusedOnItsFieldAndPlacesNothing() {
        long before = manager.get("/api/orders").json().path("total").asLong();
        Api.Response refused = manager.post("/api/orders", orderBody(3, 2, "FULL", "orlova@example"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation-failed");
        assertThat(refused.text("/field")).isEqualTo("visitor.email");
        assertThat(manager.get("/api/orders").json().path("total").asLong()).isEqualTo(before);
    }
}
