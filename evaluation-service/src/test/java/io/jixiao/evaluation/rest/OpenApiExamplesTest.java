package io.jixiao.evaluation.rest;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

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
}
