package com.orderdesk.app;

import com.orderdesk.app.support.OrderBodies;
import com.orderdesk.app.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded store's file after a clean stop holds its data, not the free space H2 accumulates under writes
 * (CompactOnShutdown): compacting it once more gains next to nothing, and the service starts on it as it was.
 */
class StoreCompactionTest {

    @Test
    void aCleanStopLeavesTheFileCompactAndTheDataIntact(@TempDir Path dataDir, @TempDir Path copyDir) throws Exception {
        assumeFalse(TestDatabase.POSTGRES, "the embedded store only");
        String last;
        try (TestApp running = TestApp.start(dataDir)) {
            Api manager = running.as("manager");
            String order = null;
            for (int i = 0; i < 60; i++) {
                order = manager.post("/api/orders", running.orderBody(3, 4, "FULL")).text("/orderId");
                assertThat(manager.post("/api/orders/" + order + "/payments", OrderBodies.payment("100.00", "CASH")).status()).isEqualTo(201);
                assertThat(manager.post("/api/orders/" + order + "/payments", OrderBodies.payment("150.00", "CASH")).status()).isEqualTo(201);
            }
            last = order;
        }
        Path file = dataDir.resolve("orderdesk.mv.db");
        long stopped = Files.size(file);
        Files.copy(file, copyDir.resolve("orderdesk.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copyDir.resolve("orderdesk"), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        long compacted = Files.size(copyDir.resolve("orderdesk.mv.db"));
        assertThat(stopped).as("the file after a clean stop (%d bytes) against its data alone (%d bytes)", stopped, compacted)
                .isLessThanOrEqualTo(compacted * 5 / 4);

        try (TestApp again = TestApp.start(dataDir)) {
            Api.Response detail = again.as("manager").get("/api/orders/" + last);
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.text("/paid/value")).isEqualTo("250.00");
        }
    }
}
