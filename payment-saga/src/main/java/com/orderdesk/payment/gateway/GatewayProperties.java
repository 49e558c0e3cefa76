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

    /** Where the gateway sends the guest back after paying for {@code orderId} (the guest's order page unless set). */
    public String returnUrlOf(String orderId) {
        return (returnUrl == null ? "/my/orders/{orderId}" : returnUrl).replace("{orderId}", orderId);
    }

    /** "15 мин.", "20 с" — the payment timeout as the audit trail says it. */
    public String paymentTimeoutInWords() {
        return paymentTimeout.toSeconds() % 60 == 0 ? paymentTimeout.toMinutes() + " мин." : paymentTimeout.toSeconds() + " с";
    }
}
