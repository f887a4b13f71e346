package io.jixiao.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.jixiao.budget.domain.Limits;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.jixiao.testing.Tier2;

/**
 * The save that stalled the district (1,500 variance reasons of 1,000 characters, 9 MB) is refused
 * before its body is read; within the byte limit, every list and text has its bound at the field.
 * Nothing is stored either way (the sheet's revision stays).
 */
@Tier2
@QuarkusTest
class InputBoundsTest {

    static final String D = TestTokens.OTHER_DEPT;
    static final String BASE = "/api/v1/budgets/" + D + "/2021";

    static RequestSpecification clerk() {
        return given().auth().oauth2(TestTokens.department(D)).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    static String reasons(int n, int length) {
        StringBuilder b = new StringBuilder("{\"reasons\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"line\":\"BASIC\",\"amount\":\"1.00\",\"reason\":\"")
                    .append("差".repeat(length)).append("\"}");
        }
        return b.append("],\"revision\":null}").toString();
    }

    @Test
    void anOversizedBodyIs413BeforeItIsReadAndBoundsAreNamedAtTheirField() {
        long revision = clerk().get(BASE).then().statusCode(200).extract().jsonPath().getLong("revision");

        clerk().body(reasons(1500, 1000)).put(BASE + "/variance-reasons").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("request.too-large"));

        clerk().body(reasons(Limits.REASONS + 1, 10)).put(BASE + "/variance-reasons").then().statusCode(400)
                .body("errors[0].field", equalTo("reasons"))
                .body("errors[0].message", equalTo("Too many entries: at most " + Limits.REASONS + "."));
        clerk().body(reasons(1, Limits.REASON + 1)).put(BASE + "/variance-reasons").then().statusCode(400)
                .body("errors[0].field", equalTo("reasons[0].reason"));

        clerk().get(BASE).then().statusCode(200).body("revision", equalTo((int) revision))
                .body("varianceReasons.size()", equalTo(0));
    }

    /** A query value of the wrong type is the caller's bad input (400 at the parameter), not a missing resource. */
    @Test
    void aQueryValueThatIsNoNumberIs400AtItsParameterAndAPathSegmentStays404() {
        String reviewer = TestTokens.reviewer();
        given().auth().oauth2(reviewer).header("Accept-Language", "en").get("/api/v1/budgets?fiscalYear=abc").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("query.invalid"))
                .body("errors[0].field", equalTo("fiscalYear"))
                .body("errors[0].message", equalTo("Not a whole number, such as 2020."));
        // one value out of the type's range, and the page size: the clerk's language by default
        given().auth().oauth2(reviewer).get("/api/v1/budgets?fiscalYear=2021&limit=99999999999").then().statusCode(400)
                .body("code", equalTo("query.invalid")).body("errors[0].field", equalTo("limit"))
                .body("detail", equalTo("查询参数有误：请按提示修改后重试。"));
        given().auth().oauth2(reviewer).get("/api/v1/budgets/spending-lines?fiscalYear=二〇二一").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        // a year in the path that is no number names no resource
        given().auth().oauth2(reviewer).get("/api/v1/budgets/" + D + "/abc").then().statusCode(404)
                .body("code", equalTo("resource.not-found"));
        // a good query still answers
        given().auth().oauth2(reviewer).get("/api/v1/budgets?fiscalYear=2021&limit=5").then().statusCode(200);
    }
}
