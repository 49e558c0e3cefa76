package com.orderdesk.app.ids;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifiersTest {

    @Test
    void axonUsesThemAndTheyAreVersionSevenUuids() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        UUID id = UUID.fromString(IdentifierFactory.getInstance().generateIdentifier());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void threadsThatNeverAskedForARandomGeneratorStillGetDistinctIds() throws Exception {
        TimeOrderedIdentifiers ids = new TimeOrderedIdentifiers();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        seen.add(ids.generateIdentifier());
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(seen).hasSize(8 * 20_000);
    }

    @Test
    void laterIdsSortAfterEarlierOnes() throws InterruptedException {
        TimeOrderedIdentifiers ids = new TimeOrderedIdentifiers();
        String first = ids.generateIdentifier();
        Thread.sleep(2);
        assertThat(ids.generateIdentifier()).isGreaterThan(first);
    }
}
