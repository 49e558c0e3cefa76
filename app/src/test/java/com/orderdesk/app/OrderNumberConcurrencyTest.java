package com.orderdesk.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Order numbers stay unique, gap-free and increasing when many managers place orders at once. */
class OrderNumberConcurrencyTest extends HttpTestBase {

    @Test
    void concurrentPlacementsGetDistinctConsecutiveNumbers() throws Exception {
        int placements = 48;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < placements; i++) {
                Api client = i % 2 == 0 ? manager : service;
                answers.add(pool.submit(() -> client.post("/api/orders", orderBody(5, 2, "FULL"))));
            }
            TreeSet<Long> numbers = new TreeSet<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                numbers.add(Long.parseLong(response.text("/number")));
                assertThat(detail(response.text("/orderId")).text("/number")).isEqualTo(response.text("/number"));
            }
            assertThat(numbers).hasSize(placements);
            assertThat(numbers.last() - numbers.first()).as("no number skipped or reused").isEqualTo(placements - 1);
        } finally {
            pool.shutdownNow();
        }
        long next = Long.parseLong(manager.post("/api/orders", orderBody(5, 2, "FULL")).text("/number"));
        assertThat(next).as("numbers keep increasing").isGreaterThan(1_006_313L + placements);
    }
}
