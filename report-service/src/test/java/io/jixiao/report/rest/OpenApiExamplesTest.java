package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The served OpenAPI document: every /api/v1 operation shows at least one response example, a JSON
 * success answer has its own example, and every write with a JSON body has a request example. Examples
 * given as JSON text must parse.
 */
@QuarkusTest
class OpenApiExamplesTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static boolean hasExample(JsonNode content) {
        for (JsonNode media : content) {
            if (media.hasNonNull("example") || media.path("examples").size() > 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyOperationHasExamples() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                boolean anyResponse = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext();) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    JsonNode content = r.getValue().path("content");
                    anyResponse |= hasExample(content);
                    if (r.getKey().startsWith("2") && content.has("application/json") && !hasExample(content)) {
                        missing.add(name + " " + r.getKey() + " (JSON answer without example)");
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext();) {
                        Map.Entry<String, JsonNode> m = media.next();
                        if (m.getKey().contains("json")) {
                            for (JsonNode ex : m.getValue().path("examples")) {
                                try {
                                    new ObjectMapper().readTree(ex.path("value").asText());
                                } catch (Exception e) {
                                    unreadable.add(name + " " + r.getKey() + ": " + e.getMessage());
                                }
                            }
                        }
                    }
                }
                if (!anyResponse) {
                    missing.add(name + " (no response example)");
                }
                JsonNode body = op.getValue().path("requestBody").path("content");
                if (body.has("application/json") && !hasExample(body)) {
                    missing.add(name + " (JSON request without example)");
                }
            }
        }
        assertTrue(operations >= 20, "operations found: " + operations);
        assertTrue(missing.isEmpty(), "operations without examples:\n" + String.join("\n", missing));
        assertTrue(unreadable.isEmpty(), "examples that are not JSON:\n" + String.join("\n", unreadable));
        assertFalse(doc.path("paths").path("/api/v1/reports/{departmentId}/{fiscalYear}/narrative").path("put")
                .path("requestBody").isMissingNode());
    }
}
