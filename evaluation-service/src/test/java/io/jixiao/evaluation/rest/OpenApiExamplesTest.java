package io.jixiao.evaluation.rest;

import io.jixiao.testing.ServedOpenApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/** The served OpenAPI document holds the examples rule shared by the three services (testing's ServedOpenApiTest). */
@Tier2
@QuarkusTest
class OpenApiExamplesTest extends ServedOpenApiTest {
}
