package com.orderdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Place and pay, stop the application, start it on the same data directory: the order is as it was. */
class RestartTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(OrderDeskApplication.class).profiles("demo")
                .run(TestDatabase.withArguments(dataDir.toString(), "--server.port=0", "--orderdesk.demo.seed-orders=false",
                        "--spring.jmx.enabled=false"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void anOrderSurvivesARestart(@TempDir Path dataDir) {
        String orderId;
        String number;
        String before;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api manager = Api.at(port(first)).as("manager");
            Api.Response placed = manager.post("/api/orders", HttpTestBase.orderBody(2, 4, "PARTIAL"));
            assertThat(placed.status()).isEqualTo(201);
            orderId = placed.text("/orderId");
            number = placed.text("/number");
            assertThat(manager.post("/api/orders/" + orderId + "/payments", HttpTestBase.payment("150.00", "CASH")).status()).isEqualTo(201);
            assertThat(manager.put("/api/orders/" + orderId + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}")
                    .status()).isEqualTo(200);
            before = manager.get("/api/orders/" + orderId).body();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api manager = Api.at(port(second)).as("manager");
            Api.Response after = manager.get("/api/orders/" + orderId);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(before);
            assertThat(after.text("/paid/value")).isEqualTo("150.00");
            assertThat(after.text("/remainder/value")).isEqualTo("250.00");
            assertThat(after.text("/executor/name")).isEqualTo("Пётр Иванов");
            // the rules still hold on the restored order, and numbers continue after the old ones
            assertThat(manager.post("/api/orders/" + orderId + "/payments", HttpTestBase.payment("210.00", "CASH")).code())
                    .isEqualTo("remainder-below-minimum");
            long next = Long.parseLong(manager.post("/api/orders", HttpTestBase.orderBody(2, 1, "FULL")).text("/number"));
            assertThat(next).isEqualTo(Long.parseLong(number) + 1);
        }
    }
}
