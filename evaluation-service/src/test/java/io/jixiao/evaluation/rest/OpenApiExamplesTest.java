package io.jixiao.evaluation.rest;

import io.jixiao.testing.ServedOpenApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** The served OpenAPI document holds the examples rule shared by the three services (testing's ServedOpenApiTest). */
@QuarkusTest
class OpenApiExamplesTest extends ServedOpenApiTest {
}
