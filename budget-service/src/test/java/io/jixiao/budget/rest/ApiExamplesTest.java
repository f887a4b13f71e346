package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.testing.OpenApiExamples;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The published contract shows an example for every operation (issue 7), and the examples (kept in
 * META-INF/openapi.yaml) still have the fields the service really returns: a renamed or added field
 * without a new example fails here.
 */
@QuarkusTest
class ApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode contract() throws Exception {
        return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyOperationHasExamples() throws Exception {
        OpenApiExamples.check(contract().toString()).assertComplete(20);
    }

    @Test
    void examplesHaveTheFieldsOfTheRealResponses() throws Exception {
        JsonNode examples = contract().path("components").path("examples");
        String d = TestTokens.SAMPLE_DEPT;
        String reviewer = TestTokens.reviewer();
        sameFields("BudgetSheet", examples, as(reviewer).get("/api/v1/budgets/" + d + "/2020").asString());
        sameFields("Department", examples, as(reviewer).get("/api/v1/departments/" + d).asString());
        sameFields("Departments", examples, as(reviewer).get("/api/v1/departments").asString());
        sameFields("YearOverviewPage", examples,
                as(reviewer).queryParam("fiscalYear", 2020).queryParam("limit", 2).get("/api/v1/budgets").asString());
        String own = "d0000000-0000-4000-8000-000000000006"; // 2019 is written by no other test
        as(TestTokens.department(own)).body("{\"budget\":\"100.00\",\"actual\":\"90.00\",\"version\":null}")
                .put(BasicExpenditureResourceTest.url(own, 2019)).then().statusCode(200);
        sameFields("BasicExpenditure", examples,
                as(reviewer).get(BasicExpenditureResourceTest.url(own, 2019)).asString());
    }

    /**
     * The example and the live response have the same field names: at the top level (of the first item,
     * for a list) and in the first item of every list both of them fill.
     */
    private static void sameFields(String name, JsonNode examples, String live) throws Exception {
        JsonNode example = first(examples.path(name).path("value"));
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
