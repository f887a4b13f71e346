package io.jixiao.report.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.ServedOpenApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/** The served OpenAPI document holds the examples rule shared by the three services (testing's ServedOpenApiTest). */
@Tier2
@QuarkusTest
class OpenApiExamplesTest extends ServedOpenApiTest {

    @Test
    void theNarrativeWriteDocumentsItsBody() throws Exception {
        assertFalse(contract().path("paths").path("/api/v1/reports/{departmentId}/{fiscalYear}/narrative").path("put")
                .path("requestBody").isMissingNode());
    }
}
