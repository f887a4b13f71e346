package io.jixiao.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one test of a service's served OpenAPI document (/q/openapi), shared by the three services: each
 * extends it as a {@code @QuarkusTest} and inherits the examples rule of {@link OpenApiExamples} (what
 * every /api/v1 operation answers, takes and refuses, shown by an example); a service adds its own
 * checks, e.g. that an example has the fields of the live response ({@link #sameFields}).
 */
public abstract class ServedOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The service's document as it serves it. */
    protected static JsonNode contract() throws Exception {
        return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    /** The fewest /api/v1 operations the service documents: a document that lost its resources fails. */
    protected int minOperations() {
        return 20;
    }

    @Test
    public void everyOperationHasExamples() throws Exception {
        OpenApiExamples.check(contract().toString()).assertComplete(minOperations());
    }

    /**
     * The named example of components.examples and the live response have the same field names: at the
     * top level (of the first item, for a list) and in the first item of every list both of them fill.
     */
    protected static void sameFields(String name, String live) throws Exception {
        JsonNode example = first(contract().path("components").path("examples").path(name).path("value"));
        JsonNode real = first(JSON.readTree(live));
        assertTrue(!example.isMissingNode(), "example " + name + " exists");
        assertEquals(names(real), names(example), "fields of example " + name);
        for (String field : names(real)) {
            JsonNode r = real.get(field);
            JsonNode e = example.get(field);
            if (r.isArray() && e.isArray() && !r.isEmpty() && !e.isEmpty() && r.get(0).isObject()) {
                assertEquals(names(r.get(0)), names(e.get(0)), "fields of " + name + "." + field + "[]");
            }
        }
    }

    private static JsonNode first(JsonNode node) {
        return node.isArray() && !node.isEmpty() ? node.get(0) : node;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
