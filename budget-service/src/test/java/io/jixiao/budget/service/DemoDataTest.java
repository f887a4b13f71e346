package io.jixiao.budget.service;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.jixiao.testing.Tier2;

/** The demo year as up.sh loads it: the sample department's 2020 exactly as its report states. */
@Tier2
@QuarkusTest
@TestProfile(DemoDataTest.WithFigures.class)
class DemoDataTest {

    public static class WithFigures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jixiao.demo.figures", "true");
        }
    }

    @Test
    void sevenDepartmentsAndTheSampleYearAsStated() {
        as(TestTokens.reviewer()).get("/api/v1/departments").then().statusCode(200).body("$", hasSize(7));
        as(TestTokens.reviewer()).get("/api/v1/budgets/" + TestTokens.SAMPLE_DEPT + "/2020").then().statusCode(200)
                .body("staffing.authorizedPosts", equalTo(20))
                .body("staffing.staffInPost", equalTo(22))
                .body("staffing.staffInPostLastYear", equalTo(18))
                .body("staffing.overAuthorized", equalTo(2))
                .body("basic.budget", equalTo("6378800.00"))
                .body("basic.actual", equalTo("6991300.00"))
                .body("basic.executionRate", equalTo("109.60"))
                .body("basic.partsDifference", equalTo("100.00"))
                .body("projectTotals.budget", equalTo("11540000.00"))
                .body("projectTotals.actualOwn", equalTo("4554100.00"))
                .body("projectTotals.actualDirect", equalTo("7760000.00"))
                .body("projectTotals.variance", equalTo("774100.00"))
                .body("reasonChecks.find { it.line == 'PROJECTS' }.explained", equalTo("775200.00"))
                .body("threePublic", nullValue())
                .body("revision", equalTo(9)); // staffing, basic, six projects, reasons
        // the second department's year is complete, 三公 included
        as(TestTokens.department(TestTokens.OTHER_DEPT)).get("/api/v1/budgets/" + TestTokens.OTHER_DEPT + "/2020")
                .then().statusCode(200)
                .body("threePublic.totalBudget", equalTo("160000.00"))
                .body("reasonChecks.find { it.line == 'BASIC' }.matches", equalTo(true));
    }
}
