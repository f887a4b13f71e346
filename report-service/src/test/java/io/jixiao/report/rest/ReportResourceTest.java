package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jixiao.report.assembly.DocumentText;
import io.jixiao.report.assembly.ReportFixtures;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.jixiao.testing.Tier2;

/** The whole report from both producers' events (in their schemas) and the department's narrative. */
@Tier2
@QuarkusTest
class ReportResourceTest {

    static final String D = TestTokens.SAMPLE_DEPT;

    static String figuresEvent(int year) {
        return TestEvents.budgetFigures(D, year, "zfw", 9, "project", ReportFixtures.sheet(D, year, 9, "6095200.00", "701400.00"));
    }

    static String scoredEvent(int year) {
        return TestEvents.indicatorsComputed(D, year,
                "{\"sourceVersion\":0,\"revision\":9,\"total\":\"6.82\",\"grade\":\"差\",\"indicators\":[],\"items\":"
                        + ReportFixtures.scoreItems() + "}");
    }

    @Test
    void theReportIsAssembledCheckedAndPreviewed() throws Exception {
        String figures = figuresEvent(2020);
        String scored = scoredEvent(2020);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BudgetFiguresChanged", 1), figures);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("evaluation-service", "IndicatorsComputed", 1), scored);
        TopicReader.send("budget.events", D + ":2020", figures);
        TopicReader.send("evaluation.events", D + ":2020", scored);
        String url = "/api/v1/reports/" + D + "/2020";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(D))
                .get(url).then().statusCode(200).body("scoreRevision", equalTo(9)));

        // nothing written yet: the narrative parts are missing and block (fatal completeness findings)
        given().auth().oauth2(TestTokens.department(D)).get(url).then()
                .body("findings.rule", hasItem("narrative.missing"))
                .body("findings.rule", hasItem("parts.mismatch"))
                .body("findings.rule", hasItem("variance.explanations-mismatch"))
                .body("report.sections[1].parts[0].heading", equalTo("（一）基本支出情况"));

        given().auth().oauth2(TestTokens.department(D)).contentType(ContentType.JSON)
                .body("{\"goals\":\"社会治理有效。\",\"achievements\":\"防控体系完善。\",\"problems\":[{\"text\":\"超编。\"}],"
                        + "\"measures\":[{\"text\":\"逐步消化超编。\",\"problemRef\":1}],\"other\":\"\",\"version\":null}")
                .put(url + "/narrative").then().statusCode(200).body("version", equalTo(0));
        given().auth().oauth2(TestTokens.department(D)).contentType(ContentType.JSON)
                .body("{\"goals\":\"x\",\"version\":null}").put(url + "/narrative").then().statusCode(409);
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).contentType(ContentType.JSON)
                .body("{\"goals\":\"x\",\"version\":0}").put(url + "/narrative").then().statusCode(403);

        given().auth().oauth2(TestTokens.reviewer()).get(url).then().statusCode(200)
                .body("findings.rule", not(hasItem("narrative.missing")))
                .body("text", containsString("（一）超编。"))
                .body("text", containsString("（一）逐步消化超编（针对问题一）。"))
                .body("text", containsString("经自评，本单位 2020 年度整体支出绩效得分 6.82 分，评价等级为“差”。"));
        // the answer is the contract's ReportResponse, field for field (score table and projects included)
        ContractAssert.assertMatches("ReportResponse", given().auth().oauth2(TestTokens.reviewer()).get(url).then()
                .statusCode(200).extract().asString());
        given().auth().oauth2(TestTokens.department(D)).accept("text/html").get(url + "/preview").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h3>（一）基本支出情况</h3>"))
                .body(containsString("部门整体支出绩效自评表"));
        byte[] docx = given().auth().oauth2(TestTokens.reviewer()).get(url + "/report.docx").then().statusCode(200)
                .contentType(containsString("wordprocessingml"))
                .header("Content-Disposition", equalTo("attachment; filename=\"report-" + D + "-2020.docx\"; filename*=UTF-8''report-"
                        + D + "-2020.docx"))
                .extract().asByteArray();
        // a Word document POI can open, and this report's: its title, its narrative and its statement of the score
        String docxText = DocumentText.squash(DocumentText.docx(docx));
        assertTrue(docxText.startsWith("2020年度中共长沙市望城区委政法委员会整体支出绩效自评报告"), docxText);
        assertTrue(docxText.contains("（一）逐步消化超编（针对问题一）。"), docxText);
        assertTrue(docxText.contains("整体支出绩效得分6.82分，评价等级为“差”。"), docxText);
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get(url).then().statusCode(403);
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get(url + "/report.docx").then().statusCode(403);
        given().auth().oauth2(TestTokens.department(D)).get("/api/v1/reports/" + D + "/2019").then().statusCode(404)
                .body("code", equalTo("report.not-found"));
    }

    @Test
    void aDecemberHeavyYearGetsTheRushFindingFromItsFiguresNotItsText() throws Exception {
        // 100 a month and 900 in December: 45% of the year (above 15%), Oct–Dec 55% (above 40%)
        String months = "[" + "\"100.00\",".repeat(11) + "\"900.00\"]";
        String heavy = TestEvents.budgetFigures(D, 2034, "zfw", 1, "other_figures", ReportFixtures.sheet(D, 2034, 1, "6095200.00",
                "701400.00").replace("\"monthlyPayments\":null", "\"monthlyPayments\":" + months));
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BudgetFiguresChanged", 1), heavy);
        TopicReader.send("budget.events", D + ":2034", heavy);
        TopicReader.send("budget.events", D + ":2035", TestEvents.budgetFigures(D, 2035, "zfw", 1, "project",
                ReportFixtures.sheet(D, 2035, 1, "6095200.00", "701400.00")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(D))
                .get("/api/v1/reports/" + D + "/2034").then().statusCode(200)
                .body("findings.find { it.rule == 'spending.year-end-rush' }.severity", equalTo("WARNING"))
                .body("findings.find { it.rule == 'spending.year-end-rush' }.message",
                        equalTo("12 月支出占全年 45.00%（超过 15%），第四季度占 55.00%（超过 40%）：支出集中在年底，有突击花钱之嫌。")));
        // the same report without monthly figures: nothing is guessed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(D))
                .get("/api/v1/reports/" + D + "/2035").then().statusCode(200)
                .body("findings.rule", hasItem("narrative.missing"))
                .body("findings.rule", not(hasItem("spending.year-end-rush"))));
        // no score card for this year: the report's score and scoreRevision are null, as the contract allows
        ContractAssert.assertMatches("ReportResponse", given().auth().oauth2(TestTokens.department(D))
                .get("/api/v1/reports/" + D + "/2035").then().statusCode(200).body("report.score", nullValue()).extract().asString());
    }
}
