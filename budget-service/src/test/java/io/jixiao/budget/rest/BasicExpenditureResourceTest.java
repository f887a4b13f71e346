package io.jixiao.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.jixiao.testing.Tier2;

@Tier2
@QuarkusTest
public class BasicExpenditureResourceTest {

    static final String SAMPLE = TestTokens.SAMPLE_DEPT;
    static final String OTHER = TestTokens.OTHER_DEPT;

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String url(String dept, int year) {
        return "/api/v1/budgets/" + dept + "/" + year + "/basic-expenditure";
    }

    @Test
    void sampleFiguresGiveTheSampleRateAndVariance() {
        String saved = as(TestTokens.department(SAMPLE))
                .body("{\"budget\":\"6378800.00\",\"actual\":\"6991300.00\",\"version\":null}")
                .put(url(SAMPLE, 2020))
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("budget", equalTo("6378800.00"))
                .body("actual", equalTo("6991300.00"))
                .body("variance", equalTo("612500.00"))
                .body("executionRate", equalTo("109.60"))
                .body("updatedBy", equalTo("clerk-01")).extract().asString();
        // the parts not sent are null, as the schema allows
        ContractAssert.assertMatches("BasicExpenditure", saved);

        as(TestTokens.reviewer()).get(url(SAMPLE, 2020)).then().statusCode(200)
                .body("executionRate", equalTo("109.60"));
        as(TestTokens.financeApi()).get(url(SAMPLE, 2020)).then().statusCode(200);
    }

    @Test
    void unauthenticatedAndForeignCallersGetNothing() {
        given().get(url(SAMPLE, 2020)).then().statusCode(401);
        given().get("/api/v1/departments").then().statusCode(401);
        // wrong audience and expired tokens are refused as well
        as(TestTokens.token("x", SAMPLE, "another-api", 600, "department")).get(url(SAMPLE, 2020)).then().statusCode(401);
        as(TestTokens.token("x", SAMPLE, TestTokens.AUDIENCE, -600, "department")).get(url(SAMPLE, 2020)).then().statusCode(401);

        as(TestTokens.department(OTHER)).get(url(SAMPLE, 2020)).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("department.forbidden"));
        as(TestTokens.department(OTHER)).body("{\"budget\":\"1.00\",\"actual\":\"1.00\"}").put(url(SAMPLE, 2021))
                .then().statusCode(403);
        // the bureau reads but never writes a department's figures
        as(TestTokens.reviewer()).body("{\"budget\":\"1.00\",\"actual\":\"1.00\"}").put(url(SAMPLE, 2021))
                .then().statusCode(403);
        as(TestTokens.department(SAMPLE)).get(url(SAMPLE, 2021)).then().statusCode(404);
    }

    @Test
    void departmentListIsScopedToTheCaller() {
        as(TestTokens.department(OTHER)).get("/api/v1/departments").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(OTHER));
        as(TestTokens.reviewer()).get("/api/v1/departments").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems(SAMPLE, OTHER));
    }

    @Test
    void invalidAmountsAreRefusedWithTheFieldAndStoreNothing() {
        String u = url(OTHER, 2019);
        as(TestTokens.department(OTHER)).body("{\"budget\":\"-1.00\",\"actual\":\"5.00\"}").put(u)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("budget"))
                .body("errors[0].message", equalTo("金额不能为负数。"));
        as(TestTokens.department(OTHER)).header("Accept-Language", "en")
                .body("{\"budget\":\"1.005\",\"actual\":\"5.00\"}").put(u)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("budget"))
                .body("errors[0].message", containsString("at most 2 decimals"));
        as(TestTokens.department(OTHER)).body("{\"budget\":\"100.00\",\"actual\":\"abc\"}").put(u)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("actual"));
        as(TestTokens.department(OTHER)).body("{\"actual\":\"5.00\"}").put(u)
                .then().statusCode(400).body("errors[0].field", equalTo("budget"));
        as(TestTokens.department(OTHER)).body("{\"budget\":\"1.00\",\"actual\":\"1.00\"}").put(url(OTHER, 2009))
                .then().statusCode(400).body("code", equalTo("fiscal-year.out-of-range"));
        // nothing of the above was stored
        as(TestTokens.department(OTHER)).get(u).then().statusCode(404);
        as(TestTokens.department(OTHER)).get(u + "/audit").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void staleVersionIsAConflictAndTheAuditTrailKeepsEveryChange() {
        String u = url(SAMPLE, 2022);
        as(TestTokens.department(SAMPLE)).body("{\"budget\":\"100.00\",\"actual\":\"90.00\"}").put(u)
                .then().statusCode(200).body("version", equalTo(0));
        as(TestTokens.department(SAMPLE)).body("{\"budget\":\"100.00\",\"actual\":\"95.50\",\"version\":0}").put(u)
                .then().statusCode(200).body("version", equalTo(1));
        // a second clerk still holding version 0 must not overwrite
        as(TestTokens.department(SAMPLE)).body("{\"budget\":\"120.00\",\"actual\":\"95.50\",\"version\":0}").put(u)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("version.conflict"));
        as(TestTokens.department(SAMPLE)).header("If-Match", "\"0\"").body("{\"budget\":\"120.00\",\"actual\":\"95.50\"}")
                .put(u).then().statusCode(409);
        // no version at all over an existing row is a conflict too
        as(TestTokens.department(SAMPLE)).body("{\"budget\":\"120.00\",\"actual\":\"95.50\"}").put(u)
                .then().statusCode(409);
        as(TestTokens.department(SAMPLE)).get(u).then().statusCode(200).body("actual", equalTo("95.50"));

        as(TestTokens.department(SAMPLE)).get(u + "/audit").then().statusCode(200)
                .body("$", hasSize(3))
                .body("find { it.field == 'budget' }.newValue", equalTo("100.00"))
                .body("find { it.field == 'budget' }.oldValue", nullValue())
                .body("findAll { it.field == 'actual' }.newValue", org.hamcrest.Matchers.contains("90.00", "95.50"))
                .body("findAll { it.field == 'actual' }.oldValue[1]", equalTo("90.00"))
                .body("[0].actor", equalTo("clerk-01"));
    }
}
