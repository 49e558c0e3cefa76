package com.orderdesk.payment;

import com.orderdesk.payment.receipt.ReceiptSaga;
import com.orderdesk.payment.refund.RefundSaga;
import com.orderdesk.payment.saga.PaymentSaga;
import java.util.List;
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
    /** The module's sagas — payments, refunds, 54-ФЗ receipts — one processor's ({@link ReceiptSaga#PROCESSOR}). */
    public static final List<Class<?>> SAGAS = List.of(PaymentSaga.class, RefundSaga.class, ReceiptSaga.class);

    /** The real gateway or the simulator: only {@code orderdesk.gateway.base-url} tells them apart. */
    @Bean
    public PaymentGateway paymentGateway(GatewayProperties properties, Environment environment, ObjectMapper json,
                                         ReceiptProperties receipts) {
        return new YooKassaGateway(properties, environment, json, receipts.enabled() ? receipts.taxSystemCode() : null);
    }
}
