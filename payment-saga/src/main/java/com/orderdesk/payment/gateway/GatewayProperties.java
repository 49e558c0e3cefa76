package com.orderdesk.payment.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** API.md "Configuration operators rely on": {@code orderdesk.gateway.*}. */
@ConfigurationProperties("orderdesk.gateway")
public record GatewayProperties(
        String baseUrl,
        String shopId,
        String secretKey,
        String returnUrl,
        @DefaultValue("15m") Duration paymentTimeout,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("200ms") Duration firstBackoff) {
}
