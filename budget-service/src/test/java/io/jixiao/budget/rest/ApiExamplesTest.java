package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.ServedOpenApiTest;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * The published contract shows an example for every operation (issue 7; the rule is testing's
 * ServedOpenApiTest), and the examples (kept in META-INF/openapi-examples.yaml) still have the fields the
 * service really returns: a renamed or added field without a new example fails here.
 */
@Tier2
@QuarkusTest
class ApiExamplesTest extends ServedOpenApiTest {

    @Test
    void examplesHaveTheFieldsOfTheRealResponses() throws Exception {
        String d = TestTokens.SAMPLE_DEPT;
        String reviewer = TestTokens.reviewer();
        sameFields("BudgetSheet", as(reviewer).get("/api/v1/budgets/" + d + "/2020").asString());
        sameFields("Department", as(reviewer).get("/api/v1/departments/" + d).asString());
        sameFields("Departments", as(reviewer).get("/api/v1/departments").asString());
        sameFields("YearOverviewPage",
                as(reviewer).queryParam("fiscalYear", 2020).queryParam("limit", 2).get("/api/v1/budgets").asString());
        String own = "d0000000-0000-4000-8000-000000000006"; // 2019 is written by no other test
        as(TestTokens.department(own)).body("{\"budget\":\"100.00\",\"actual\":\"90.00\",\"version\":null}")
                .put(BasicExpenditureResourceTest.url(own, 2019)).then().statusCode(200);
        sameFields("BasicExpenditure", as(reviewer).get(BasicExpenditureResourceTest.url(own, 2019)).asString());
    }
}
