package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.jixiao.report.assembly.DocumentText;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/**
 * 四 and 五 as lists: every measure names an existing problem (400 with the item's field path otherwise,
 * nothing stored), versions and 409, one audit row per changed item field, a problem without a measure
 * is a warning of the generated report, and every format prints each measure with the problem it answers.
 */
@Tier2
@QuarkusTest
class NarrativeResourceTest {

    static final String D = TestTokens.SAMPLE_DEPT;
    static final int Y = 2027;
    static final String URL = "/api/v1/reports/" + D + "/" + Y;

    @Inject
    DataSource dataSource;

    static RequestSpecification clerk() {
        return given().auth().oauth2(TestTokens.department(D)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static final String PROBLEMS = """
            [{"text":"部分项目年初预算编制不够细化，年中追加较多。","cause":"新增维稳任务在编制预算时未能预见"},
             {"text":"在职人员超出编制 2 人。","cause":null}]""";

    /** field, old value, new value of the audit rows of one version of the narrative. */
    List<String> audit(long version) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select field, old_value, new_value from audit_log where entity_type = 'narrative' and entity_id = ?"
                        + " and entity_version = ? order by id")) {
            st.setString(1, D + ":" + Y);
            st.setLong(2, version);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        return out;
    }

    @Test
    void measuresAnswerProblemsAndEveryFormatSaysWhich() throws Exception {
        TopicReader.send("budget.events", D + ":" + Y, ReportResourceTest.figuresEvent(Y));
        TopicReader.send("evaluation.events", D + ":" + Y, ReportResourceTest.scoredEvent(Y));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(D))
                .get(URL).then().statusCode(200).body("scoreRevision", equalTo(9)));

        // a measure naming problem 5 of 2, one naming none, a blank problem: all refused at their items, nothing stored
        clerk().body("""
                {"goals":"全年目标：矛盾纠纷化解率不低于 95%。","achievements":"化解率达 97%。",
                 "problems":[{"text":"预算编制不够细化。"},{"text":"  "}],
                 "measures":[{"text":"细化项目预算。","problemRef":1},{"text":"压减追加。"},{"text":"规范采购。","problemRef":5}],
                 "other":"","version":null}""").put(URL + "/narrative").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("request.invalid"))
                .body("errors.field", contains("problems[1].text", "measures[1].problemRef", "measures[2].problemRef"))
                .body("errors.find { it.field == 'measures[2].problemRef' }.message", containsString("不存在"));
        given().auth().oauth2(TestTokens.department(D)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"problems\":[],\"measures\":[{\"text\":\"x\",\"problemRef\":1}],\"version\":null}")
                .put(URL + "/narrative").then().statusCode(400)
                .body("errors[0].field", equalTo("measures[0].problemRef"))
                .body("errors[0].message", containsString("does not exist"));
        clerk().get(URL + "/narrative").then().statusCode(200).body("version", nullValue())
                .body("problems.size()", equalTo(0));
        // nothing saved: version and updatedBy null, as the contract allows
        ContractAssert.assertMatches("NarrativeResponse", clerk().get(URL + "/narrative").then().extract().asString());

        // the first save: both problems answered
        clerk().body("""
                {"goals":"全年目标：矛盾纠纷化解率不低于 95%。","achievements":"化解率达 97%。","problems":PROBLEMS,
                 "measures":[{"text":"细化项目预算，年初足额安排专项经费。","problemRef":1},
                             {"text":"按编制核定人员，逐步消化超编","problemRef":2}],
                 "other":"无","version":null}""".replace("PROBLEMS", PROBLEMS)).put(URL + "/narrative").then().statusCode(200)
                .body("version", equalTo(0)).body("problems[0].cause", equalTo("新增维稳任务在编制预算时未能预见"))
                .body("measures.problemRef", contains(1, 2)).body("updatedBy", equalTo("clerk-01"));
        assertTrue(audit(0).contains("measures[1].problemRef|null|2"), audit(0).toString());
        // saved, one problem without a cause (null on the wire)
        ContractAssert.assertMatches("NarrativeResponse", clerk().get(URL + "/narrative").then().extract().asString());
        assertTrue(audit(0).contains("problems[0].cause|null|新增维稳任务在编制预算时未能预见"), audit(0).toString());

        // a stale version: 409, nothing changed
        clerk().body("{\"problems\":[],\"measures\":[],\"version\":null}").put(URL + "/narrative").then().statusCode(409)
                .body("code", equalTo("version.conflict"));
        // another department's clerk cannot write here
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).contentType(ContentType.JSON)
                .body("{\"problems\":[],\"measures\":[],\"version\":0}").put(URL + "/narrative").then().statusCode(403);

        String report = clerk().get(URL).then().statusCode(200).extract().path("text");
        assertTrue(report.contains("四、存在的问题及原因\n\n（一）部分项目年初预算编制不够细化，年中追加较多。原因：新增维稳任务在编制预算时未能预见。\n\n"
                + "（二）在职人员超出编制 2 人。\n\n"), report);
        String measure1 = "（一）细化项目预算，年初足额安排专项经费（针对问题一）。";
        String measure2 = "（二）按编制核定人员，逐步消化超编（针对问题二）。";
        assertTrue(report.contains("五、下一步改进措施\n\n" + measure1 + "\n\n" + measure2 + "\n\n"), report);
        clerk().get(URL).then().body("findings.rule", not(hasItem("measure.missing-for-problem")));

        // the same lines in the preview, the Word document and the PDF (all from the same assembly)
        String html = DocumentText.squash(DocumentText.html(given().auth().oauth2(TestTokens.reviewer()).accept("text/html")
                .get(URL + "/preview").then().statusCode(200).extract().asString()));
        String docx = DocumentText.squash(DocumentText.docx(given().auth().oauth2(TestTokens.reviewer())
                .get(URL + "/report.docx").then().statusCode(200).extract().asByteArray()));
        String pdf = DocumentText.squash(DocumentText.pdf(given().auth().oauth2(TestTokens.reviewer())
                .get(URL + "/report.pdf").then().statusCode(200).extract().asByteArray()));
        for (String line : List.of(measure1, measure2)) {
            assertTrue(html.contains(DocumentText.squash(line)), "HTML lacks " + line);
            assertTrue(docx.contains(DocumentText.squash(line)), "DOCX lacks " + line);
            assertTrue(pdf.contains(DocumentText.squash(line)), "PDF lacks " + line);
        }

        // the second measure is removed: problem 二 has no measure left, a warning of the generated report
        clerk().body("""
                {"goals":"全年目标：矛盾纠纷化解率不低于 95%。","achievements":"化解率达 97%。","problems":PROBLEMS,
                 "measures":[{"text":"细化项目预算，年初足额安排专项经费。","problemRef":1}],
                 "other":"无","version":0}""".replace("PROBLEMS", PROBLEMS)).put(URL + "/narrative").then().statusCode(200)
                .body("version", equalTo(1));
        assertEquals(List.of("measures[1].text|按编制核定人员，逐步消化超编|null", "measures[1].problemRef|2|null"), audit(1));
        ContractAssert.assertMatches("ReportResponse", clerk().get(URL).then().extract().asString());
        clerk().get(URL).then().statusCode(200)
                .body("findings.find { it.rule == 'measure.missing-for-problem' }.severity", equalTo("WARNING"))
                .body("findings.find { it.rule == 'measure.missing-for-problem' }.tag", equalTo("COMPLETENESS"))
                .body("findings.find { it.rule == 'measure.missing-for-problem' }.section", equalTo("五"))
                .body("findings.find { it.rule == 'measure.missing-for-problem' }.message", containsString("问题二"))
                .body("findings.findAll { it.rule == 'measure.missing-for-problem' }.size()", equalTo(1))
                .body("text", not(containsString("针对问题二")));
    }
}
