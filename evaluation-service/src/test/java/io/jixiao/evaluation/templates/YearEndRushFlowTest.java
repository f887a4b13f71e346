package io.jixiao.evaluation.templates;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.evaluation.Events;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.scoring.Formulas;
import io.jixiao.evaluation.scoring.SampleSheet;
import io.jixiao.evaluation.service.RushShareBackfill;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/**
 * 年底突击花钱 on the real stack: a template scoring December's share with the rush rule (bad parameters
 * refused with their path), a December-heavy year arriving from budget.events, the score card explaining
 * the indicator, and the district chart listing it, scoped to the caller.
 */
@Tier2
@QuarkusTest
class YearEndRushFlowTest {

    @Inject
    RushShareBackfill rushShares;

    static final String A = TestTokens.SAMPLE_DEPT;
    static final String B = TestTokens.OTHER_DEPT;
    static final int YEAR = 2043; // a year no other test of this JVM writes (EvaluationChangesTest has 2033)

    /** The sample sheet of the year with these 12 monthly payments (a JSON array). */
    static String budget(String dept, long revision, String monthlyPayments) {
        String sheet = SampleSheet.sample2020(dept, revision, revision, "6991300.00")
                .replace("\"fiscalYear\":2020", "\"fiscalYear\":" + YEAR)
                .replace("\"monthlyPayments\":null", "\"monthlyPayments\":" + monthlyPayments);
        return TestEvents.budgetFigures(dept, YEAR, "clerk", revision, "basic_expenditure", sheet);
    }

    static void awaitCard(String dept, Consumer<ValidatableResponse> check) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check.accept(given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/evaluations/" + dept + "/" + YEAR).then().statusCode(200)));
    }

    static String months(String month, String december) {
        return "[" + ("\"" + month + "\",").repeat(11) + "\"" + december + "\"]";
    }

    @Test
    void aDecemberHeavyYearIsScoredExplainedAndCharted() throws Exception {
        int defaultId = given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/templates").then().statusCode(200)
                .extract().path("find { it.defaultTemplate }.id");
        int copyId = given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"name\":\"望城区 " + YEAR + " 指标体系\",\"jurisdiction\":\"望城区\",\"fiscalYear\":" + YEAR + "}")
                .post("/api/v1/templates/" + defaultId + "/copies").then().statusCode(201).extract().path("template.id");

        // 支付进度率's 2 points go to 12月支出占比 under the rush rule; a threshold of 100% is refused with its path
        ObjectNode bad = TemplateVersioningTest.body(copyId);
        ObjectNode ind = TemplateVersioningTest.indicator(bad, "payment-progress-rate");
        ind.put("code", "december-share").put("name", "12月支出占比");
        ((ObjectNode) ind.get("rule")).removeAll().put("kind", "rush").put("threshold", "100");
        TemplateVersioningTest.put(copyId, bad, 1).statusCode(400).body("code", equalTo("template.invalid"))
                .body("errors.field", contains("levels[1].children[0].children[2].rule.threshold"))
                .body("errors[0].message", startsWith("阈值须为大于 0、小于 100 的百分数"));
        ((ObjectNode) ind.get("rule")).remove("threshold"); // the configured default (15%) applies
        TemplateVersioningTest.put(copyId, bad, 1).statusCode(200).body("template.version", equalTo(2));
        given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"templateId\":" + copyId + ",\"version\":null}")
                .put("/api/v1/templates/assignments/望城区/" + YEAR).then().statusCode(200);

        // A pays 100 a month and 900 in December: 45% (limit 15%); B evenly: 1/12 = 8.33%
        Events.publishBudget(A, YEAR, budget(A, 1, months("100.00", "900.00")));
        Events.publishBudget(B, YEAR, budget(B, 1, months("100.00", "100.00")));
        awaitCard(A, r -> r.body("revision", equalTo(1))
                .body("score.items.find { it.code == 'december-share' }.value", equalTo(45.0f))
                // 30 points above 15%, 10% of the points each: nothing left
                .body("score.items.find { it.code == 'december-share' }.score", equalTo(0.0f))
                .body("score.items.find { it.code == 'december-share' }.ruleText", equalTo("年底突击阈值 15%：每超 1 个百分点扣分值的 10%"))
                .body("score.items.find { it.code == 'december-share' }.explanation", startsWith("45.00% 超过年底突击阈值 15%"))
                .body("score.items.find { it.code == 'december-share' }.calculation.inputs[0].source", startsWith("按月支付数（填报）")));
        awaitCard(B, r -> r.body("revision", equalTo(1))
                .body("score.items.find { it.code == 'december-share' }.value", equalTo(8.33f))
                .body("score.items.find { it.code == 'december-share' }.score", equalTo(2.0f)));

        // the chart: the bureau sees both, highest share first, with the thresholds
        String chart = given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/year-end-rush?fiscalYear=" + YEAR
                + "&jurisdiction=望城区").then().statusCode(200)
                .body("decemberThreshold", equalTo(15)).body("q4Threshold", equalTo(40))
                .body("departments.departmentId", contains(A, B))
                .body("departments[0].decemberShare", equalTo(45.0f)).body("departments[0].q4Share", equalTo(55.0f))
                .body("departments[0].aboveThreshold", equalTo(true))
                .body("departments[0].name", equalTo("中共长沙市望城区委政法委员会"))
                .body("departments[1].decemberShare", equalTo(8.33f)).body("departments[1].aboveThreshold", equalTo(false))
                .extract().asString();
        ContractAssert.assertMatches("YearEndRushDistrict", chart);
        // a department only its own, whatever district it asks for
        given().auth().oauth2(TestTokens.department(B)).get("/api/v1/evaluations/year-end-rush?fiscalYear=" + YEAR
                + "&jurisdiction=望城区").then().statusCode(200)
                .body("departments.departmentId", contains(B)).body("departments.departmentId", not(hasItems(A)));
        given().auth().oauth2(TestTokens.department(A)).get("/api/v1/evaluations/year-end-rush?fiscalYear=" + YEAR)
                .then().statusCode(200).body("departments.departmentId", contains(A));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/year-end-rush").then().statusCode(400)
                .body("errors.field", contains("fiscalYear"));
        given().get("/api/v1/evaluations/year-end-rush?fiscalYear=" + YEAR).then().statusCode(401);
        // a token without a role gets nothing
        given().auth().oauth2(TestTokens.token("nobody", null, TestTokens.AUDIENCE, 300))
                .get("/api/v1/evaluations/year-end-rush?fiscalYear=" + YEAR).then().statusCode(403);

        // department-years scored before the shares existed get them at start (backfill), once
        QuarkusTransaction.requiringNew().run(() -> IndicatorValue.delete(
                "departmentId = ?1 and fiscalYear = ?2 and code in ?3", A, YEAR, Formulas.RUSH));
        given().auth().oauth2(TestTokens.department(A)).get("/api/v1/evaluations/year-end-rush?fiscalYear=" + YEAR)
                .then().statusCode(200).body("departments", hasSize(0));
        assertTrue(rushShares.backfill() >= 1); // A, and any other copy of the run still without them
        assertEquals(0, rushShares.backfill());
        given().auth().oauth2(TestTokens.department(A)).get("/api/v1/evaluations/year-end-rush?fiscalYear=" + YEAR)
                .then().statusCode(200).body("departments[0].decemberShare", equalTo(45.0f))
                .body("departments[0].q4Share", equalTo(55.0f));
    }
}
