package com.orderdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is the committed snapshot {@code docs/openapi.yaml}, so every change to the API shows
 * in review. After a deliberate change write it again with
 * {@code mvn -pl app -am verify -Dtest=ApiContractTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true}
 * (README, "The API as a contract"). Spectral lints the snapshot in the test command.
 */
class ApiContractTest extends HttpTestBase {
    static final Path SNAPSHOT = Path.of("..", "docs", "openapi.yaml");

    @Test
    void theServedDocumentIsTheCommittedSnapshot() throws Exception {
        Api.Response served = anonymous.get("/v3/api-docs.yaml");
        assertThat(served.status()).isEqualTo(200);
        String document = served.body().replace("\r\n", "\n");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(SNAPSHOT, document, StandardCharsets.UTF_8);
        }
        assertThat(document).as("docs/openapi.yaml is the served document; regenerate it with -Dopenapi.write=true "
                + "(README, \"The API as a contract\")").isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationIsDescribedAndDeclaresItsErrors() {
        JsonNode api = anonymous.get("/v3/api-docs").json();
        List<String> problems = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode op = method.getValue();
            String key = method.getKey().toUpperCase() + " " + path.getKey();
            if (op.has("x-undocumented")) {
                problems.add(key + ": not in ApiOperations");
            }
            if (op.path("summary").asText().isBlank() || op.path("description").asText().isBlank() || op.path("tags").isEmpty()) {
                problems.add(key + ": summary, description or tag missing");
            }
            boolean error = false;
            for (var it = op.path("responses").fieldNames(); it.hasNext(); ) {
                String status = it.next();
                error |= status.startsWith("4") || status.startsWith("5");
            }
            if (!error) {
                problems.add(key + ": declares no error");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
    }
}
