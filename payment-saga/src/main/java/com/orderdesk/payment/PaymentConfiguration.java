package com.orderdesk.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.payment.gateway.GatewayProperties;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.payment.gateway.YooKassaGateway;
import com.orderdesk.payment.receipt.ReceiptProperties;
import com.orderdesk.payment.webhook.WebhookProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
@EnableConfigurationProperties({GatewayProperties.class, WebhookProperties.class, ReceiptProperties.class})
public class PaymentConfiguration {
    /** The real gateway or the simulator: only {@code orderdesk.gateway.base-url} tells them apart. */
    @Bean
    public PaymentGateway paymentGateway(GatewayProperties properties, Environment environment, ObjectMapper json,
                                         ReceiptProperties receipts) {
        return new YooKassaGateway(properties, environment, json, receipts.enabled() ? receipts.taxSystemCode() : null);
    }
}
