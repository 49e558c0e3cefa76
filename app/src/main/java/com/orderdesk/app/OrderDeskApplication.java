package com.orderdesk.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles the modules: command side, query side, payment saga, and the web admin. */
@SpringBootApplication(scanBasePackages = "com.orderdesk")
@AutoConfigurationPackage(basePackages = "com.orderdesk")
public class OrderDeskApplication {
    public static void main(String[] args) {
        // these machines reach no vendor endpoints; the check would only log failures
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(OrderDeskApplication.class, args);
    }
}
