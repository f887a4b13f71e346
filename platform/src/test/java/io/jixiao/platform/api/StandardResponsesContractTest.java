package io.jixiao.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.testing.OpenApiExamples;

/**
 * The merged contract (docs/openapi/jixiao-api.json, written by deploy/openapi/merge.sh from the build)
 * documents on every operation the answers any request can get: 401, 403 and 429 with Retry-After, as
 * problem+json. ApiDocumentation adds them; this reads the committed file, so a contract regenerated
 * without the filter fails here.
 */
class StandardResponsesContractTest {

    @Test
    void everyOperationDocuments401And403And429AsProblemJson() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(Files.readString(Path.of("../docs/openapi/jixiao-api.json")));
        List<String> missing = new ArrayList<>();
        Map<String, JsonNode> operations = OpenApiExamples.operations(contract, "/");
        for (Map.Entry<String, JsonNode> op : operations.entrySet()) {
            JsonNode responses = op.getValue().path("responses");
            for (String status : List.of("401", "403", "429")) {
                if (!responses.path(status).path("content").path("application/problem+json").path("schema").has("$ref")) {
                    missing.add(op.getKey() + " " + status);
                }
            }
            if (!responses.path("429").path("headers").has("Retry-After")) {
                missing.add(op.getKey() + " 429 Retry-After");
            }
        }
        assertTrue(operations.size() > 80, "the merged contract has only " + operations.size() + " operations");
        assertEquals(List.of(), missing);
        JsonNode schema = contract.path("components").path("schemas").path("ProblemDetails");
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "code", "errors"),
                fieldNames(schema.path("properties")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
