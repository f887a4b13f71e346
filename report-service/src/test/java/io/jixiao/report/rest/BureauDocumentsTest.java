package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.jixiao.report.assembly.DocumentText;
import io.jixiao.report.assembly.ReportFixtures;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * The bureau's documents over the HTTP API on a real PostgreSQL and Kafka: PDF and DOCX say what the
 * preview says, the 评分表 as XLSX, the district summary (JSON pages, XLSX, DOCX), and the batch job
 * with progress, a streamed ZIP and one ReportGenerated event per report.
 */
@Tier2
@QuarkusTest
public class BureauDocumentsTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManagerFactory emf;

    /** Loads of summary rows, and of the read-model rows a summary row is made from. */
    static long[] loads(org.hibernate.stat.Statistics stats) {
        long[] n = new long[2];
        n[0] = count(stats, io.jixiao.report.domain.SummaryRow.class);
        for (Class<?> c : List.of(io.jixiao.report.domain.BudgetSheetCopy.class, io.jixiao.report.domain.ScoreView.class,
                io.jixiao.report.domain.Narrative.class, io.jixiao.report.domain.Filing.class)) {
            n[1] += count(stats, c);
        }
        return n;
    }

    static long count(org.hibernate.stat.Statistics stats, Class<?> entity) {
        var e = stats.getEntityStatistics(entity.getName());
        return e.getLoadCount() + e.getFetchCount();
    }


    static final int Y = 2030;

    public static void sendDepartment(String id, String code, String name, int year, String total, String grade) {
        String sheet = ReportFixtures.sheet(id, year, 5, "6095300.00", "700300.00")
                .replace("\"code\":\"401001\"", "\"code\":\"" + code + "\"")
                .replace("\"name\":\"中共长沙市望城区委政法委员会\"", "\"name\":\"" + name + "\"");
        TestEvents.send("budget.events", id, year, TestEvents.budgetFigures(id, year, "loader", 5, "project", sheet));
        if (total != null) {
            TestEvents.send("evaluation.events", id, year, TestEvents.indicatorsComputed(id, year,
                    "{\"sourceVersion\":0,\"revision\":5,\"total\":\"%s\",\"grade\":\"%s\",\"indicators\":[],\"items\":%s}"
                            .formatted(total, grade, ReportFixtures.scoreItems())));
        }
    }

    static void awaitReport(String id, int year, boolean scored) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/reports/" + id + "/" + year).then().statusCode(200)
                .body("scoreRevision", scored ? equalTo(5) : nullValue()));
        awaitSummaries();
    }

    /** Until the summary rows the events applied so far marked are refreshed (SummaryRefresher, a moment later). */
    public static void awaitSummaries() {
        io.jixiao.report.service.SummaryRefresher refresher = io.quarkus.arc.Arc.container()
                .instance(io.jixiao.report.service.SummaryRefresher.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> refresher.pending() == 0);
    }

    @Test
    void pdfDocxAndScoreTableSayWhatThePreviewSays() throws Exception {
        String d = "d-docs-1";
        sendDepartment(d, "409001", "望城区测试局", Y, "72.50", "中");
        awaitReport(d, Y, true);
        String url = "/api/v1/reports/" + d + "/" + Y;
        String preview = given().auth().oauth2(TestTokens.reviewer()).get(url + "/preview").then().statusCode(200)
                .extract().asString();
        String html = DocumentText.html(preview);

        long t0 = System.nanoTime();
        byte[] pdf = given().auth().oauth2(TestTokens.reviewer()).get(url + "/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        long pdfMs = (System.nanoTime() - t0) / 1_000_000;
        String pdfText = DocumentText.withoutRepeatedHeaders(DocumentText.pdf(pdf),
                "一级指标二级指标三级指标分值指标值得分说明", "项目年初预算调整单位支付财政直接支付实际支出执行率重点");
        DocumentText.assertSameText(html, pdfText);
        DocumentText.assertFiguresInOrder(ReportFixtures.SAMPLE_FIGURES, pdfText);

        t0 = System.nanoTime();
        byte[] docx = given().auth().oauth2(TestTokens.department(d)).get(url + "/report.docx").then().statusCode(200)
                .extract().asByteArray();
        long docxMs = (System.nanoTime() - t0) / 1_000_000;
        String docxText = DocumentText.docx(docx);
        DocumentText.assertSameText(html, docxText);
        DocumentText.assertFiguresInOrder(ReportFixtures.SAMPLE_FIGURES, docxText);
        t0 = System.nanoTime();
        given().auth().oauth2(TestTokens.reviewer()).get(url + "/preview").then().statusCode(200);
        System.out.printf("one report over HTTP: PDF %d ms, DOCX %d ms, HTML %d ms%n", pdfMs, docxMs,
                (System.nanoTime() - t0) / 1_000_000);

        byte[] xlsx = given().auth().oauth2(TestTokens.department(d)).get(url + "/score.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheetAt(0);
            assertEquals("2030 年度望城区测试局部门整体支出绩效自评表", sh.getRow(0).getCell(0).getStringCellValue());
            assertEquals("三级指标", sh.getRow(1).getCell(2).getStringCellValue());
            assertEquals("在职人员控制率", sh.getRow(2).getCell(2).getStringCellValue());
            assertEquals(110.0, sh.getRow(2).getCell(4).getNumericCellValue(), 1e-9);
            assertEquals("—", sh.getRow(3).getCell(4).getStringCellValue(), "数据缺失 is not a 0");
            assertEquals("数据缺失", sh.getRow(3).getCell(6).getStringCellValue());
            assertEquals("合计", sh.getRow(5).getCell(0).getStringCellValue());
            assertEquals("SUM(D3:D5)", sh.getRow(5).getCell(3).getCellFormula());
            assertEquals(72.50, sh.getRow(5).getCell(5).getNumericCellValue(), 1e-9);
            assertEquals("等级：中", sh.getRow(5).getCell(6).getStringCellValue());
        }
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get(url + "/report.pdf").then().statusCode(403);
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get(url + "/score.xlsx").then().statusCode(403);

        // no score yet: the XLSX is refused with a clear problem, the PDF still comes out
        String unscored = "d-docs-2";
        sendDepartment(unscored, "409002", "望城区未评分局", Y, null, null);
        awaitReport(unscored, Y, false);
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/" + unscored + "/" + Y + "/score.xlsx").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("report.score-missing"));
        byte[] unscoredPdf = given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/" + unscored + "/" + Y + "/report.pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(unscoredPdf)) {
            assertTrue(doc.getNumberOfPages() >= 2);
        }
    }

    @Test
    void districtSummaryPagesExportsAndDocument() throws Exception {
        int year = 2031;
        sendDepartment("d-sum-c", "408003", "望城区丙局", year, "91.00", "优");
        sendDepartment("d-sum-a", "408001", "望城区甲局", year, "72.50", "中");
        sendDepartment("d-sum-b", "408002", "望城区乙局", year, null, null);
        for (String d : List.of("d-sum-a", "d-sum-c")) {
            awaitReport(d, year, true);
        }
        awaitReport("d-sum-b", year, false);
        String url = "/api/v1/reports/summary";
        String next = given().auth().oauth2(TestTokens.financeApi()).queryParam("fiscalYear", year).queryParam("limit", 2)
                .get(url).then().statusCode(200)
                .body("items.departmentCode", contains("408001", "408002"))
                .body("items[0].departmentName", equalTo("望城区甲局"))
                .body("items[0].status", equalTo("DRAFT"))
                .body("items[0].score", equalTo("72.50"))
                .body("items[0].grade", equalTo("中"))
                // 基本 6378800.00 + 项目 11540000.00; 6991300.00 + 12314100.00
                .body("items[0].budget", equalTo("17918800.00"))
                .body("items[0].actual", equalTo("19305400.00"))
                .body("items[0].executionRate", equalTo("107.74"))
                .body("items[0].basicExecutionRate", equalTo("109.60"))
                .body("items[0].projectExecutionRate", equalTo("106.71"))
                .body("items[0].mainFindings", hasSize(3))
                .body("items[1].score", nullValue())
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("limit", 2)
                .queryParam("cursor", next).get(url).then().statusCode(200)
                .body("items.departmentCode", contains("408003")).body("items[0].grade", equalTo("优"))
                .body("nextCursor", nullValue());
        // filters: status (no filing yet = DRAFT) and updatedSince
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("status", "DRAFT")
                .get(url).then().statusCode(200).body("items.departmentCode", contains("408001", "408002", "408003"));
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("status", "SUBMITTED")
                .get(url).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("status", "DONE")
                .get(url).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("updatedSince", "2000-01-01")
                .get(url).then().statusCode(200).body("items", hasSize(3));
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year)
                .queryParam("updatedSince", java.time.Instant.now().plusSeconds(3600).toString())
                .get(url).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("updatedSince", "soon")
                .get(url).then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        given().auth().oauth2(TestTokens.department("d-sum-a")).queryParam("fiscalYear", year).get(url).then()
                .statusCode(403).body("code", equalTo("summary.bureau-only"));
        // a page reads the stored rows: no report is assembled, no sheet, score or narrative loaded per request
        org.hibernate.stat.Statistics stats = emf.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        long[] before = loads(stats);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).get(url).then().statusCode(200)
                    .body("items", hasSize(3));
        }
        long[] after = loads(stats);
        assertTrue(after[0] - before[0] <= 3, (after[0] - before[0]) + " summary rows loaded by 5 pages of 3 (one page's rows at most, "
                + "the rest from memory)");
        assertEquals(0, after[1] - before[1], "sheet, score, narrative or filing rows loaded by 5 pages");
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("cursor", "%%%")
                .get(url).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(TestTokens.reviewer()).get(url).then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("limit", 0).get(url)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));

        byte[] xlsx = given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).get(url + "/export.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheetAt(0);
            assertEquals(4, sh.getLastRowNum(), "title, header and three departments");
            assertEquals("408001", sh.getRow(2).getCell(0).getStringCellValue());
            assertEquals("未提交", sh.getRow(2).getCell(2).getStringCellValue());
            assertEquals(17918800.00, sh.getRow(2).getCell(6).getNumericCellValue(), 1e-6);
            assertEquals(107.74, sh.getRow(2).getCell(8).getNumericCellValue(), 1e-9);
            assertEquals("—", sh.getRow(3).getCell(4).getStringCellValue(), "no score: 数据缺失, not 0");
        }
        given().auth().oauth2(TestTokens.department("d-sum-a")).queryParam("fiscalYear", year).get(url + "/export.xlsx")
                .then().statusCode(403);

        byte[] docx = given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).get(url + "/summary.docx")
                .then().statusCode(200).extract().asByteArray();
        String text = DocumentText.docx(docx);
        assertTrue(text.contains("全区共 3 个预算单位纳入 2031 年度部门整体支出绩效自评，其中已审核通过 0 个，已提交待审核 0 个，"
                + "已退回修改 0 个，尚未提交 3 个。各单位预算合计 5375.64 万元，实际支出合计 5791.62 万元，预算执行率 107.74%。"
                + "自评等级：优 1 个，良 0 个，中 1 个，差 0 个。"), text);
        for (String name : List.of("望城区甲局", "望城区乙局", "望城区丙局")) {
            assertTrue(text.contains(name), name);
        }
    }

    @Test
    void batchGenerationRunsWithProgressAZipAndAnEventPerReport() throws Exception {
        int year = 2032;
        for (int i = 1; i <= 3; i++) {
            sendDepartment("d-batch-" + i, "40700" + i, "望城区批量" + i + "局", year, "8" + i + ".00", "良");
        }
        for (int i = 1; i <= 3; i++) {
            awaitReport("d-batch-" + i, year, true);
        }
        String base = "/api/v1/reports/batches";
        given().auth().oauth2(TestTokens.department("d-batch-1")).queryParam("fiscalYear", year).post(base).then()
                .statusCode(403).body("code", equalTo("batch.reviewer-only"));
        given().auth().oauth2(TestTokens.financeApi()).queryParam("fiscalYear", year).post(base).then().statusCode(403);
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", 1999).post(base).then().statusCode(404)
                .body("code", equalTo("batch.empty"));
        long t0 = System.nanoTime();
        String started = given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).post(base).then()
                .statusCode(202).header("Location", org.hamcrest.Matchers.containsString(base + "/"))
                .body("total", equalTo(3)).extract().asString();
        ContractAssert.assertMatches("BatchResponse", started);
        String id = io.restassured.path.json.JsonPath.from(started).getString("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.financeApi()).get(base + "/" + id).then().statusCode(200)
                        .body("status", equalTo("DONE")));
        System.out.printf("batch of 3 reports (DOCX+PDF) done in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        String finished = given().auth().oauth2(TestTokens.reviewer()).get(base + "/" + id).then()
                .body("done", equalTo(3)).body("failed", equalTo(0)).body("percent", equalTo(100.00f))
                .body("failures", hasSize(0)).body("fiscalYear", equalTo(year)).extract().asString();
        // the progress and the list of batches are the contract's BatchResponse, field for field
        ContractAssert.assertMatches("BatchResponse", finished);
        given().auth().oauth2(TestTokens.department("d-batch-1")).get(base + "/" + id).then().statusCode(403);
        // the list of recent batches: this year's shows the finished job first; department users get 403
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).get(base).then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].status", equalTo("DONE")).body("[0].done", equalTo(3));
        ContractAssert.assertEachMatches("BatchResponse", given().auth().oauth2(TestTokens.reviewer())
                .queryParam("fiscalYear", year).get(base).then().statusCode(200).extract().asString());
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", 1999).get(base).then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(TestTokens.reviewer()).queryParam("limit", 0).get(base).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(TestTokens.department("d-batch-1")).get(base).then().statusCode(403);
        given().auth().oauth2(TestTokens.reviewer()).get(base + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("batch.not-found"));

        byte[] zip = given().auth().oauth2(TestTokens.reviewer()).get(base + "/" + id + "/reports.zip").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".pdf")) {
                    assertTrue(DocumentText.pdf(bytes).contains("整体支出绩效自评报告"));
                } else {
                    assertTrue(DocumentText.docx(bytes).contains("一、单位基本情况"));
                }
            }
        }
        assertEquals(List.of("407001 望城区批量1局/望城区批量1局-自评报告.docx", "407001 望城区批量1局/望城区批量1局-自评报告.pdf",
                "407002 望城区批量2局/望城区批量2局-自评报告.docx", "407002 望城区批量2局/望城区批量2局-自评报告.pdf",
                "407003 望城区批量3局/望城区批量3局-自评报告.docx", "407003 望城区批量3局/望城区批量3局-自评报告.pdf"), names);

        List<ConsumerRecord<String, String>> events = TopicReader.await("report.events",
                v -> v.contains("\"ReportGenerated\"") && v.contains(id), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.await("report.events",
                v -> v.contains("\"ReportGenerated\"") && v.contains(id), Duration.ofSeconds(10)).size() >= 3);
        events = TopicReader.await("report.events", v -> v.contains("\"ReportGenerated\"") && v.contains(id),
                Duration.ofSeconds(10));
        assertEquals(3, events.stream().map(ConsumerRecord::key).distinct().count());
        for (ConsumerRecord<String, String> r : events) {
            SchemaAssert.assertValid(java.nio.file.Path.of("src/main/resources/schemas/ReportGenerated.v1.json"), r.value());
            assertTrue(r.key().startsWith("d-batch-") && r.key().endsWith(":" + year), r.key());
        }
    }

    /**
     * A batch while it runs: a second one of the year and its ZIP are refused; then every report comes out. Twenty
     * departments keep it running long enough for both refusals (about 0.1 s a report against milliseconds between
     * the calls). The time of a batch of 100 is the benchmark's (deploy/bench/run.sh: goal 10 s per 100).
     */
    @Test
    void aRunningBatchRefusesASecondAndItsZipThenHoldsEveryReport() throws Exception {
        int year = 2034;
        int departments = 20;
        for (int i = 0; i < departments; i++) {
            sendDepartment("d-hundred-" + i, String.format("405%03d", i), "望城区第" + i + "局", year, "75.00", "中");
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> given().auth().oauth2(TestTokens.reviewer())
                .queryParam("fiscalYear", year).queryParam("limit", 200).get("/api/v1/reports/summary").then()
                .extract().jsonPath().getList("items").size() == departments);
        long t0 = System.nanoTime();
        String id = given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year)
                .post("/api/v1/reports/batches").then().statusCode(202).extract().path("id");
        // a second batch of the same year while this one runs is refused
        given().auth().oauth2(TestTokens.reviewer()).queryParam("fiscalYear", year).post("/api/v1/reports/batches")
                .then().statusCode(409).body("code", equalTo("batch.running"));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/batches/" + id + "/reports.zip").then()
                .statusCode(409).body("code", equalTo("batch.not-finished"));
        await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/batches/" + id).then()
                        .body("status", equalTo("DONE")));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/batches/" + id).then()
                .body("done", equalTo(departments)).body("failed", equalTo(0));
        t0 = System.nanoTime();
        byte[] zip = given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/batches/" + id + "/reports.zip")
                .then().statusCode(200).extract().asByteArray();
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                entries++;
            }
        }
        assertEquals(2 * departments, entries);
        System.out.printf("batch of %d reports (DOCX+PDF): %d ms (%d ms per report); ZIP of %d bytes streamed in %d ms%n",
                departments, ms, ms / departments, zip.length, (System.nanoTime() - t0) / 1_000_000);
    }
}
