package io.jixiao.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.jixiao.testing.Tier2;

/**
 * Found by the fault suite's authorization matrix: another department's write with a bad body was
 * judged (400 with field errors) before it was refused, and a token without any role could read the
 * district's lists. Both are refused now before anything runs.
 */
@Tier2
@QuarkusTest
class AuthorizationOrderTest {

    static final String D = TestTokens.SAMPLE_DEPT;

    @Test
    void anotherDepartmentsWriteIsRefusedBeforeItsBodyIsValidated() {
        String other = TestTokens.department(TestTokens.OTHER_DEPT);
        for (String path : new String[] { "/basic-expenditure", "/variance-reasons", "/staffing", "/projects/1" }) {
            given().auth().oauth2(other).contentType(ContentType.JSON).body("{}")
                    .put("/api/v1/budgets/" + D + "/2019" + path).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/budgets/" + D + "/2019/projects").then().statusCode(403);
        given().auth().oauth2(TestTokens.financeApi()).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/departments/" + D).then().statusCode(403);
    }

    @Test
    void aTokenWithoutARoleGetsNothing() {
        String noRole = TestTokens.token("norole", null, TestTokens.AUDIENCE, 600);
        for (String path : new String[] { "/api/v1/budgets", "/api/v1/departments", "/api/v1/budgets/changes",
                "/api/v1/budgets/import-template" }) {
            // the same problem+json as every refusal, in the caller's language
            given().auth().oauth2(noRole).header("Accept-Language", "en").get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("access.forbidden"))
                    .body("detail", not(emptyOrNullString()));
        }
        given().auth().oauth2(noRole).contentType(ContentType.JSON).body("{\"budget\": \"x\"}")
                .put("/api/v1/budgets/" + D + "/2019/basic-expenditure").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
