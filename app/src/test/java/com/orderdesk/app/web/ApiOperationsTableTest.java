package com.orderdesk.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.app.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API table ({@link ApiOperations}) against what the controllers of every module serve (issue 29): each served
 * operation has its row, and each row names an operation something serves — a row whose controller moved or was
 * renamed fails here instead of describing nothing. (The demo profile serves everything, the simulator included.)
 */
class ApiOperationsTableTest extends HttpTestBase {
    @Test
    void everyServedOperationHasItsRowAndEveryRowIsServed() {
        JsonNode api = anonymous.get("/v3/api-docs").json();
        Set<String> served = new TreeSet<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> served.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> described = new TreeSet<>(ApiOperations.byKey().keySet());
        assertThat(served).as("operations served without a row in ApiOperations").isSubsetOf(described);
        assertThat(described).as("rows of ApiOperations nothing serves").isSubsetOf(served);
    }
}
