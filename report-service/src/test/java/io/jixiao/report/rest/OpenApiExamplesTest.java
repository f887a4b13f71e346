package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.testing.OpenApiExamples;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served OpenAPI document holds the examples rule shared by the three services (testing's
 * OpenApiExamples): what every /api/v1 operation answers, takes and refuses, shown by an example.
 */
@QuarkusTest
class OpenApiExamplesTest {

    @Test
    void everyOperationHasExamples() throws Exception {
        OpenApiExamples.check(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString()).assertComplete(20);
    }

    @Test
    void theNarrativeWriteDocumentsItsBody() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        assertFalse(doc.path("paths").path("/api/v1/reports/{departmentId}/{fiscalYear}/narrative").path("put")
                .path("requestBody").isMissingNode());
    }
}
