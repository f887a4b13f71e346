package io.jixiao.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The served OpenAPI document: every operation under /api/v1 shows a response example, every operation
 * with a request body a request example, and every write an application/problem+json example of its error.
 */
@QuarkusTest
class OpenApiExamplesTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static boolean hasExample(JsonNode content) {
        for (Iterator<JsonNode> media = content.elements(); media.hasNext();) {
            JsonNode m = media.next();
            if (m.path("examples").size() > 0 || m.has("example")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyOperationHasExamples() throws Exception {
        String body = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(body).path("paths");
        List<String> noResponse = new ArrayList<>();
        List<String> noRequest = new ArrayList<>();
        List<String> noProblem = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> op = o.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                boolean response = false;
                boolean problem = false;
                for (Iterator<JsonNode> r = op.getValue().path("responses").elements(); r.hasNext();) {
                    JsonNode content = r.next().path("content");
                    response |= hasExample(content);
                    JsonNode pj = content.path("application/problem+json");
                    problem |= pj.path("examples").size() > 0 || pj.has("example");
                }
                if (!response) {
                    noResponse.add(name);
                }
                JsonNode requestBody = op.getValue().path("requestBody");
                if (!requestBody.isMissingNode() && !hasExample(requestBody.path("content"))) {
                    noRequest.add(name);
                }
                if (!op.getKey().equals("get") && !problem) {
                    noProblem.add(name);
                }
            }
        }
        assertTrue(operations >= 20, "operations found: " + operations);
        assertEquals(List.of(), noResponse, "operations without a response example");
        assertEquals(List.of(), noRequest, "operations whose request body has no example");
        assertEquals(List.of(), noProblem, "writes without a problem+json example");
    }
}
