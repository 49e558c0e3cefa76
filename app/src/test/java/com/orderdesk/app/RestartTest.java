package com.orderdesk.app;

import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Place and pay, stop the application, start it on the same data directory: the order is as it was. */
class RestartTest {

    @Test
    void anOrderSurvivesARestart(@TempDir Path dataDir) {
        String orderId;
        String number;
        String before;
        try (TestApp first = TestApp.start(dataDir)) {
            Api manager = first.as("manager");
            Api.Response placed = manager.post("/api/orders", first.orderBody(2, 4, "PARTIAL"));
            assertThat(placed.status()).isEqualTo(201);
            orderId = placed.text("/orderId");
            number = placed.text("/number");
            assertThat(manager.post("/api/orders/" + orderId + "/payments", OrderBodies.payment("150.00", "CASH")).status()).isEqualTo(201);
            assertThat(manager.put("/api/orders/" + orderId + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}")
                    .status()).isEqualTo(200);
            before = manager.get("/api/orders/" + orderId).body();
        }
        try (TestApp second = TestApp.start(dataDir)) {
            Api manager = second.as("manager");
            Api.Response after = manager.get("/api/orders/" + orderId);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(before);
            assertThat(after.text("/paid/value")).isEqualTo("150.00");
            assertThat(after.text("/remainder/value")).isEqualTo("250.00");
            assertThat(after.text("/executor/name")).isEqualTo("Пётр Иванов");
            // the rules still hold on the restored order, and numbers continue after the old ones
            assertThat(manager.post("/api/orders/" + orderId + "/payments", OrderBodies.payment("210.00", "CASH")).code())
                    .isEqualTo("remainder-below-minimum");
            long next = Long.parseLong(manager.post("/api/orders", second.orderBody(2, 1, "FULL")).text("/number"));
            assertThat(next).isEqualTo(Long.parseLong(number) + 1);
        }
    }
}
