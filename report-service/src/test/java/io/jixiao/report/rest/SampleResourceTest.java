package io.jixiao.report.rest;

import static io.jixiao.report.rest.FilingResourceTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.jixiao.report.assembly.DocumentText;
import io.jixiao.report.service.SeasonRules;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;

/** 抽查复核 on real PostgreSQL and Kafka: the draw, the re-review with its flag, the outcome and the report. */
@io.quarkus.test.junit.QuarkusTest
class SampleResourceTest {

    static final String D = TestTokens.OTHER_DEPT;
    static final String OTHER = TestTokens.SAMPLE_DEPT;

    /** The score card with two project scores (平安望城保险 中, 综治维稳经费 优), as evaluation-service publishes it. */
    static void scoreWithProjects(String department, int year) {
        String e = """
                {"eventId":"%s","type":"IndicatorsComputed","schemaVersion":1,"occurredAt":"2026-11-25T10:00:01Z",
                 "departmentId":"%s","fiscalYear":%d,"actor":"evaluation-service",
                 "payload":{"sourceVersion":0,"revision":3,"total":"72.50","grade":"中","indicators":[],"items":%s,
                            "evaluationRevision":7,"projects":[
                   {"projectId":11,"name":"平安望城保险","total":"68.00","grade":"中","parts":[]},
                   {"projectId":15,"name":"综治维稳经费","total":"95.00","grade":"优","parts":[]}]}}"""
                .formatted(java.util.UUID.randomUUID(), department, year, io.jixiao.report.assembly.ReportFixtures.scoreItems());
        io.jixiao.testing.SchemaAssert.assertValid(
                io.jixiao.testing.SchemaAssert.producerSchema("evaluation-service", "IndicatorsComputed", 1), e);
        io.jixiao.testing.TopicReader.send("evaluation.events", department + ":" + year, e);
    }

    static void submitted(String department, int year) {
        if (department.equals(D)) {
            FilingResourceTest.sheet(department, year, 3, "6095300.00");
            scoreWithProjects(department, year);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> as(
                    TestTokens.department(department)).get("/api/v1/reports/" + department + "/" + year).then()
                    .statusCode(200).body("scoreRevision", equalTo(3)));
        } else {
            RoundResourceTest.figures(department, year);
        }
        as(TestTokens.department(department)).body("{\"goals\":\"目标明确。\",\"achievements\":\"成效显著。\","
                + "\"problems\":[{\"text\":\"人员超编。\"}],\"measures\":[{\"text\":\"消化超编。\",\"problemRef\":1}]}")
                .put("/api/v1/reports/" + department + "/" + year + "/narrative").then().statusCode(200);
        CompletableFuture<Void> locks = FilingResourceTest.confirmWhenSubmitted(department, year, 1, 3, 7);
        as(TestTokens.department(department)).post("/api/v1/filings/" + department + "/" + year + "/submit").then()
                .statusCode(200).body("status", equalTo("SUBMITTED"));
        locks.join();
    }

    static final String REVIEW = """
            {"items":[{"code":"staff-control-rate","score":%s,"comment":"借调人员未计入在职人数。"},
             {"code":"three-public-control-rate","score":0},{"code":"social-benefit","score":4,"comment":"佐证材料不足。"}],
             "findings":"自评依据不充分。","version":%s}""";

    @Test
    void theBureauDrawsReReviewsAndReportsWhileADepartmentSeesOnlyItsOwnResult() throws Exception {
        int year = 2017;
        submitted(D, year);
        submitted(OTHER, year);
        String reviewer = TestTokens.reviewer();
        String clerk = TestTokens.department(D);
        String otherClerk = TestTokens.department(OTHER);
        int id = as(reviewer).body(RoundResourceTest.open(year, "望城区", SeasonRules.today().plusDays(10), D, OTHER))
                .post("/api/v1/rounds").then().statusCode(201).extract().path("id");
        String url = "/api/v1/rounds/" + id + "/sample";

        // the draw: reviewers only; bad input names its field; nothing is stored
        String draw = "{\"percentage\":%s,\"minimum\":1,\"seed\":42,\"keyDepartmentIds\":[%s]}";
        as(clerk).body(draw.formatted("50", "")).post(url).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("sample.reviewer-only"));
        as(reviewer).body(draw.formatted("150", "\"no-such\"")).post(url).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("percentage"));
        as(reviewer).body(draw.formatted("50", "\"no-such\"")).post(url).then().statusCode(400)
                .body("errors.field", contains("keyDepartmentIds[0]"));
        as(reviewer).get(url).then().statusCode(404).body("code", equalTo("sample.not-drawn"));

        // 50 % of two filings: one drawn at random from the seed, the other added by hand as a key department
        ContractAssert.assertMatches("Sample", as(reviewer).body(draw.formatted("50", "\"" + D + "\",\"" + OTHER + "\""))
                .post(url).then().statusCode(201)
                .body("seed", equalTo(42)).body("population", equalTo(2)).body("percentage", equalTo("50"))
                .body("members", hasSize(2)).body("members.findAll { it.byHand }", hasSize(1))
                .body("members[0].grade", equalTo("中")).body("members[0].reviewed", equalTo(false)).extract().asString());
        assertEquals(1, RoundResourceTest.audits("season-sample", String.valueOf(id), "seed"));
        as(reviewer).body(draw.formatted("50", "")).post(url).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("sample.exists")).body("detail", containsString("不能重复抽取"));
        as(reviewer).header("Accept-Language", "en").body(draw.formatted("50", "")).post(url).then().statusCode(409)
                .body("detail", containsString("cannot be drawn twice"));
        as(clerk).get(url).then().statusCode(403).body("code", equalTo("sample.bureau-only"));

        // the form: the card's indicators with the self scores; a department sees nothing before the re-review
        String review = url + "/reviews/" + D;
        // the form and the saved re-review are the contract's ReReview, nulls and all
        ContractAssert.assertMatches("ReReview", as(reviewer).get(review).then().statusCode(200).body("items.code",
                contains("staff-control-rate", "three-public-control-rate", "social-benefit"))
                .body("items[0].selfScore", equalTo("0.00")).body("items[2].tier", equalTo("1.60"))
                .body("selfTotal", equalTo("72.50")).body("version", nullValue()).extract().asString());
        as(clerk).get(review).then().statusCode(404);

        // reviewers only; a score above the indicator's points is 422 with its field; nothing is stored
        as(clerk).body(REVIEW.formatted("1", "null")).put(review).then().statusCode(403);
        as(reviewer).body(REVIEW.formatted("3.5", "null")).put(review).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("items[0].score"));
        as(reviewer).body("{\"items\":[{\"code\":\"social-benefit\",\"score\":4}],\"version\":null}").put(review).then()
                .statusCode(400).body("errors.field", contains("items"));
        as(reviewer).get(review).then().body("version", nullValue());

        // the district summary is read (and cached) before the re-review: no outcome on the row yet
        String summary = "/api/v1/reports/summary?fiscalYear=" + year;
        ContractAssert.assertMatches("DistrictSummaryPage", as(reviewer).get(summary).then().statusCode(200)
                .body("items.find { it.departmentId == '" + D + "' }.reReview", nullValue()).extract().asString());

        // saved: deviation self − re-review per indicator and in total; the flag and its reasons
        ContractAssert.assertMatches("ReReview", as(reviewer).body(REVIEW.formatted("1", "null")).put(review).then()
                .statusCode(200).body("version", equalTo(1))
                .body("reviewTotal", equalTo("5.00")).body("deviation", equalTo("67.50")).body("flagged", equalTo(true))
                .body("items[0].deviation", equalTo("-1.00")).body("items[0].flagged", equalTo(true))
                .body("items[2].deviation", equalTo("-4.00")).body("items[1].flagged", equalTo(false))
                .body("reasons", contains("TOTAL", "staff-control-rate", "social-benefit")).extract().asString());
        as(reviewer).body(REVIEW.formatted("0.5", "null")).put(review).then().statusCode(409).body("code", equalTo("version.conflict"));
        as(reviewer).body(REVIEW.formatted("0.5", "1")).put(review).then().statusCode(200).body("version", equalTo(2))
                .body("items[0].flagged", equalTo(false)).body("reasons", contains("TOTAL", "social-benefit"));
        assertEquals(2, RoundResourceTest.audits("season-rereview", id + "/" + D, "reviewTotal"));

        // the summary row now carries self versus re-review (the cached page was dropped); OTHER has none
        String summaryPage = as(reviewer).get(summary).then().statusCode(200)
                .body("items.find { it.departmentId == '" + D + "' }.reReview.roundId", equalTo(id))
                .body("items.find { it.departmentId == '" + D + "' }.reReview.selfTotal", equalTo("72.50"))
                .body("items.find { it.departmentId == '" + D + "' }.reReview.reviewTotal", equalTo("4.50"))
                .body("items.find { it.departmentId == '" + D + "' }.reReview.deviation", equalTo("68.00"))
                .body("items.find { it.departmentId == '" + D + "' }.reReview.flagged", equalTo(true))
                .body("items.find { it.departmentId == '" + OTHER + "' }.reReview", nullValue()).extract().asString();
        // the page with a re-reviewed row and one without: the contract's DistrictSummaryPage
        ContractAssert.assertMatches("DistrictSummaryPage", summaryPage);
        // and the summary workbook has the re-review beside the self score; OTHER's cells stay empty
        byte[] summaryXlsx = as(reviewer).queryParam("fiscalYear", year).get("/api/v1/reports/summary/export.xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(summaryXlsx))) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.getSheetAt(0);
            assertEquals("抽查复核得分", sh.getRow(1).getCell(13).getStringCellValue());
            int reviewed = 0;
            for (int i = 2; i <= sh.getLastRowNum(); i++) {
                Row r = sh.getRow(i);
                if (r.getCell(13) != null) {
                    reviewed++;
                    assertEquals(4.50, r.getCell(13).getNumericCellValue(), 1e-9);
                    assertEquals("68.00（自评偏差较大）", r.getCell(14).getStringCellValue());
                }
            }
            assertEquals(1, reviewed, "only the re-reviewed department");
        }
        // the Word summary has the same two columns in its table of departments
        byte[] summaryDocx = as(reviewer).queryParam("fiscalYear", year).get("/api/v1/reports/summary/summary.docx").then()
                .statusCode(200).extract().asByteArray();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new ByteArrayInputStream(summaryDocx))) {
            List<org.apache.poi.xwpf.usermodel.XWPFTableRow> rows = doc.getTables().get(0).getRows();
            assertEquals("抽查复核得分", rows.get(0).getCell(8).getText());
            assertEquals("自评偏差（自评 − 复核）", rows.get(0).getCell(9).getText());
            List<String> reviewed = rows.subList(1, rows.size()).stream().filter(r -> !r.getCell(8).getText().isEmpty())
                    .map(r -> r.getCell(8).getText() + "|" + r.getCell(9).getText()).toList();
            assertEquals(List.of("4.50|68.00（自评偏差较大）"), reviewed, "only the re-reviewed department");
        }

        // each save told the department (in-app notice and RoundNotice event); the other department nothing
        assertEquals(2, RoundResourceTest.countNotices(clerk, id, "REREVIEWED"));
        assertEquals(0, RoundResourceTest.countNotices(otherClerk, id, "REREVIEWED"));
        String reReviewed = io.jixiao.testing.TopicReader.await("report.events", v -> v.contains("\"RoundNotice\"")
                && v.contains(D) && v.contains("\"REREVIEWED\"") && v.contains("\"roundId\":" + id),
                java.time.Duration.ofSeconds(30)).get(0).value();
        io.jixiao.testing.SchemaAssert.assertValid(java.nio.file.Path.of("src/main/resources/schemas/RoundNotice.v1.json"),
                reReviewed);

        // the department reads its own result; another department's is not found, either way
        as(clerk).get(review).then().statusCode(200).body("flagged", equalTo(true)).body("findings", equalTo("自评依据不充分。"));
        as(otherClerk).get(review).then().statusCode(404);
        as(clerk).get(url + "/reviews/" + OTHER).then().statusCode(404);

        // the bureau's summary: self versus re-review over the reviewed departments
        // a reviewed and an unreviewed member (nulls until re-reviewed) in the contract's Sample
        ContractAssert.assertMatches("Sample", as(reviewer).get(url).then().statusCode(200)
                .body("summary.reviewed", equalTo(1)).body("summary.flagged", equalTo(1))
                .body("summary.selfAverage", equalTo("72.50")).body("summary.reviewAverage", equalTo("4.50"))
                .body("members.find { it.departmentId == '" + D + "' }.deviation", equalTo("68.00"))
                .body("members.find { it.departmentId == '" + OTHER + "' }.flagged", nullValue()).extract().asString());

        // 抽查复核情况报告: the bureau's, as XLSX and DOCX
        as(clerk).get(url + "/report.xlsx").then().statusCode(403);
        byte[] xlsx = as(reviewer).get(url + "/report.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            List<String> rows = new java.util.ArrayList<>();
            for (Row r : wb.getSheet("抽查复核")) {
                StringBuilder line = new StringBuilder();
                r.forEach(c -> line.append(f.formatCellValue(c)).append('|'));
                rows.add(line.toString());
            }
            assertTrue(rows.stream().anyMatch(r -> r.contains("72.50|4.50|68.00|是|自评依据不充分。")), rows.toString());
            assertTrue(rows.stream().anyMatch(r -> r.equals("随机种子|42|")), rows.toString());
            assertEquals(3 + 2, wb.getSheet("指标复核明细").getPhysicalNumberOfRows());
        }
        byte[] docx = as(reviewer).get(url + "/report.docx").then().statusCode(200).extract().asByteArray();

        // 结果应用: every department with grade and re-review outcome, its projects scored 中 or 差 with budgets in 万元
        String outcome = "/api/v1/rounds/" + id + "/outcome.xlsx";
        as(clerk).get(outcome).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("outcome.reviewer-only"));
        as(TestTokens.financeApi()).get(outcome).then().statusCode(403);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(as(reviewer).get(outcome).then().statusCode(200)
                .extract().asByteArray()))) {
            DataFormatter f = new DataFormatter();
            List<String> rows = new java.util.ArrayList<>();
            for (Row r : wb.getSheet("结果应用")) {
                StringBuilder line = new StringBuilder();
                r.forEach(c -> line.append(f.formatCellValue(c)).append('|'));
                rows.add(line.toString());
            }
            // D: one row per weak project (the 优 one is left out); OTHER: no project scores, one row
            assertEquals(1, rows.stream().filter(r -> r.contains("自评偏差较大|4.50|平安望城保险|68.00|中|60.00|60.00|")).count(),
                    rows.toString());
            assertTrue(rows.stream().noneMatch(r -> r.contains("综治维稳经费")), rows.toString());
            assertEquals(1, rows.stream().filter(r -> r.contains("|未复核|—|")).count(), rows.toString());
            assertEquals(2 + 2, rows.size(), rows.toString());
        }
        String text = DocumentText.docx(docx);
        assertTrue(text.contains("抽查复核情况报告") && text.contains("随机种子 42") && text.contains("自评偏差较大")
                && text.contains("佐证材料不足。"), text);
    }
}
