package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * Onboarding's refusals, which happen before Keycloak is asked (the tests run without a Keycloak; the
 * real path is deploy/e2e/onboarding.sh against the running stack).
 */
@Tier2
@QuarkusTest
class OnboardingResourceTest {

    static final String VALID = """
            {"code":"%s","name":"长沙市望城区审计局","jurisdiction":"望城区","firstFiscalYear":2020,
             "duties":["负责全区审计监督工作"],"divisions":["办公室"],
             "user":{"username":"sjj","email":"sjj@wangcheng.example","firstName":"审计","lastName":"孙"}}""";

    @Test
    void onlyAnAdminOnboards() {
        as(TestTokens.reviewer()).body(VALID.formatted("408001")).post("/api/v1/departments").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("onboarding.admin-only"));
        as(TestTokens.department(TestTokens.SAMPLE_DEPT)).body(VALID.formatted("408001")).post("/api/v1/departments")
                .then().statusCode(403);
        as(TestTokens.financeApi()).body(VALID.formatted("408001")).post("/api/v1/departments").then().statusCode(403);
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsCreated() {
        as(TestTokens.admin()).body("""
                {"code":"40 8","name":" ","firstFiscalYear":1999,"duties":[""],
                 "user":{"username":"Zhang San","email":"no-mail","firstName":"","lastName":"孙","initialPassword":"short"}}""")
                .post("/api/v1/departments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name", "jurisdiction", "firstFiscalYear", "duties[0]",
                        "user.username", "user.email", "user.firstName", "user.initialPassword"))
                .body("errors.find { it.field == 'user.username' }.message",
                        equalTo("用户名须为 3–64 位小写字母、数字或 . _ -。"));
        as(TestTokens.admin()).header("Accept-Language", "en").body("{\"code\":\"408001\"}").post("/api/v1/departments")
                .then().statusCode(400).body("errors.find { it.field == 'user' }.message", equalTo("Enter the first user."));
        as(TestTokens.reviewer()).get("/api/v1/departments").then().body("code", not(hasItem("40 8")));
    }

    @Test
    void anExistingCodeIsAConflictBeforeAnyUserIsMade() {
        as(TestTokens.admin()).body(VALID.formatted("401001")).post("/api/v1/departments").then().statusCode(409)
                .body("code", equalTo("department.code.duplicate")).body("errors[0].field", equalTo("code"));
    }

    @Test
    void withoutTheOnboardingClientSecretNothingIsCreated() {
        // the test profile has no JIXIAO_ONBOARDING_SECRET: 503, and no department is left behind
        as(TestTokens.admin()).body(VALID.formatted("408001")).post("/api/v1/departments").then().statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("onboarding.unavailable"));
        as(TestTokens.reviewer()).get("/api/v1/departments").then().statusCode(200).body("code", not(hasItem("408001")));
    }
}
