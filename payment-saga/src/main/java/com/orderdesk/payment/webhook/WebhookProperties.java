package com.orderdesk.payment.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code orderdesk.webhook.*}: where notifications may come from (CIDR; empty = anywhere; YooKassa publishes its
 * ranges, see the README) and, for gateways that sign, the HMAC-SHA256 secret.
 */
@ConfigurationProperties("orderdesk.webhook")
public record WebhookProperties(@DefaultValue List<String> allowedNetworks, String signingSecret,
                                @DefaultValue("5m") Duration replayWindow) {
}
