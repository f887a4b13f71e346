package io.jixiao.evaluation.templates;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.Events;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.jixiao.testing.Tier2;

/** 项目支出绩效自评 on the real stack: read per project with explanations, indicators entered by the department. */
@Tier2
@QuarkusTest
class ProjectEvaluationTest {

    static final String A = TestTokens.SAMPLE_DEPT;
    static final int YEAR = 2031;
    static final String URL = "/api/v1/evaluations/" + A + "/" + YEAR + "/projects";

    static final String GOOD = """
            {"version":%s,"indicators":[
              {"category":"QUANTITY","name":"表彰见义勇为人员","kind":"QUANTITATIVE","unit":"人次","direction":"GE","target":20,"actual":13},
              {"category":"TIMELINESS","name":"奖励发放时限","kind":"QUANTITATIVE","unit":"天","direction":"LE","target":30,"actual":40},
              {"category":"COST","name":"人均奖励","kind":"QUANTITATIVE","unit":"元","direction":"EQ","target":10000},
              {"category":"BENEFIT","name":"弘扬社会正气","kind":"QUALITATIVE","tier":"GOOD","selfScorePercent":85,"evidence":"媒体报道 12 次"},
              {"category":"SATISFACTION","name":"受表彰人员满意度","kind":"QUANTITATIVE","unit":"%%","direction":"GE","target":90,"actual":95}]}""";

    @Test
    void eachProjectIsScoredFromItsFiguresAndTheIndicatorsEntered() {
        Events.publishBudget(A, YEAR, Events.budget(A, YEAR, 1, "6991300.00"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(A)).get(URL)
                .then().statusCode(200).body("revision", equalTo(1)));
        String list = given().auth().oauth2(TestTokens.department(A)).get(URL).then()
                .body("weights.output", equalTo(50))
                .body("projects", hasSize(6))
                .body("projects.find { it.projectId == 4 }.total", equalTo(6.55f))
                .body("projects.find { it.projectId == 4 }.missing", contains("产出指标", "效益指标", "满意度指标"))
                .body("projects.find { it.projectId == 4 }.parts[0].inputs[1].value", equalTo("200000.00"))
                .body("projects.find { it.projectId == 1 }.parts[0].explanation", equalTo("得分 = 10 × min(108.80%, 100%) = 10.00"))
                .extract().asString();
        ContractAssert.assertMatches("ProjectEvaluations", list);

        // a self-score outside its tier, a wrong unit, no evidence: refused with paths, nothing stored
        given().auth().oauth2(TestTokens.department(A)).contentType(ContentType.JSON).body("""
                {"version":null,"indicators":[
                  {"category":"QUANTITY","name":"表彰人数","kind":"QUANTITATIVE","unit":"吨","direction":"GE","target":20,"actual":13},
                  {"category":"BENEFIT","name":"弘扬社会正气","kind":"QUALITATIVE","tier":"GOOD","selfScorePercent":70,"evidence":" "}]}""")
                .put(URL + "/4/indicators").then().statusCode(400)
                .body("errors.field", contains("indicators[0].unit", "indicators[1].selfScorePercent", "indicators[1].evidence"));
        ContractAssert.assertMatches("ProjectEvaluation", given().auth().oauth2(TestTokens.department(A)).get(URL + "/4")
                .then().statusCode(200).body("inputVersion", nullValue()).body("indicators", hasSize(0)).extract().asString());
        // another department, a project not in the sheet
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).contentType(ContentType.JSON)
                .body(GOOD.formatted("null")).put(URL + "/4/indicators").then().statusCode(403);
        given().auth().oauth2(TestTokens.department(A)).contentType(ContentType.JSON)
                .body(GOOD.formatted("null")).put(URL + "/99/indicators").then().statusCode(404);

        // entered: 预算执行率 6.55 + 产出 50 × (65% + 75% + 0) / 3 + 效益 30 × 85% + 满意度 10 = 65.38 (中)
        String saved = given().auth().oauth2(TestTokens.department(A)).contentType(ContentType.JSON)
                .body(GOOD.formatted("null")).put(URL + "/4/indicators").then().statusCode(200)
                .body("inputVersion", equalTo(0))
                .body("total", equalTo(65.38f)).body("grade", equalTo("中"))
                .body("parts.find { it.code == 'output' }.score", equalTo(23.33f))
                .body("parts.find { it.code == 'output' }.indicators[2].status", equalTo("MISSING"))
                .body("missing", contains("产出指标：人均奖励")).extract().asString();
        // each indicator with the other kind's fields null, as the schema says
        ContractAssert.assertMatches("ProjectEvaluation", saved);
        given().auth().oauth2(TestTokens.department(A)).contentType(ContentType.JSON)
                .body(GOOD.formatted("null")).put(URL + "/4/indicators").then().statusCode(409);
        given().auth().oauth2(TestTokens.reviewer()).get(URL).then()
                .body("projects.find { it.projectId == 4 }.indicators", hasSize(5))
                .body("projects.find { it.projectId == 4 }.indicators[3].tier", equalTo("GOOD"));
        // the department's total is unaffected; the event carries the project results
        given().auth().oauth2(TestTokens.department(A)).get("/api/v1/evaluations/" + A + "/" + YEAR).then()
                .body("score.total", equalTo(6.82f))
                .body("score.projects.find { it.projectId == 4 }.total", equalTo(65.38f));
    }
}
