package io.jixiao.budget.imports;

import static io.jixiao.budget.imports.TestWorkbooks.BASIC_HEADER;
import static io.jixiao.budget.imports.TestWorkbooks.LINE_HEADER;
import static io.jixiao.budget.imports.TestWorkbooks.PROJECT_HEADER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import io.jixiao.budget.domain.ImportJob;
import io.jixiao.testing.Tier2;

/** Excel/CSV import and export on the real stack (PostgreSQL, Kafka): department 407001 (司法局). */
@Tier2
@QuarkusTest
class ImportResourceTest {

    static final String D = "d0000000-0000-4000-8000-000000000007";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ImportService imports;

    public static String clerk() {
        return TestTokens.department(D);
    }

    static String base(int year) {
        return "/api/v1/budgets/" + D + "/" + year;
    }

    public static RequestSpecification as(String token) {
        // file names in UTF-8, as browsers send them
        return given().config(io.restassured.RestAssured.config().multiPartConfig(
                io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .auth().oauth2(token);
    }

    static ValidatableResponse uploadBytes(int year, byte[] bytes, String name) {
        return as(clerk()).multiPart("file", name, bytes, "application/octet-stream").post(base(year) + "/imports").then();
    }

    /**
     * A multipart upload of a file of zeros with a Content-Length, streamed (never in the heap): what a
     * browser sends for a big file.
     */
    static java.net.http.HttpResponse<String> streamedUpload(int year, long fileBytes, String lang) throws Exception {
        return rawUpload(year, "huge.xlsx", () -> zeros(fileBytes), fileBytes, lang);
    }

    /** multipart/form-data as a browser sends it: the file name in UTF-8 (RFC 7578), the body streamed. */
    static java.net.http.HttpResponse<String> rawUpload(int year, String fileName,
            java.util.function.Supplier<java.io.InputStream> content, long fileBytes, String lang) throws Exception {
        return rawUpload(D, year, fileName, content, fileBytes, lang);
    }

    static java.net.http.HttpResponse<String> rawUpload(String dept, int year, String fileName,
            java.util.function.Supplier<java.io.InputStream> content, long fileBytes, String lang) throws Exception {
        String boundary = "----jixiao" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + fileBytes + tail.length;
        java.util.function.Supplier<java.io.InputStream> body = () -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head), content.get(),
                        new ByteArrayInputStream(tail))));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                        + "/api/v1/budgets/" + dept + "/" + year + "/imports"))
                .header("Authorization", "Bearer " + TestTokens.department(dept)).header("Accept-Language", lang)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(body), length))
                .build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("the server must answer, not drop the upload", e);
        }
    }

    static java.io.InputStream zeros(long n) {
        return new java.io.InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        };
    }

    static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads and waits for the job to finish; returns the finished job. */
    public static JsonPath importAndWait(int year, byte[] bytes, String name, String lang) {
        return importAndWait(D, year, bytes, name, lang);
    }

    static JsonPath importAndWait(String dept, int year, byte[] bytes, String name, String lang) {
        java.net.http.HttpResponse<String> accepted;
        try {
            accepted = rawUpload(dept, year, name, () -> new ByteArrayInputStream(bytes), bytes.length, lang);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String token = TestTokens.department(dept);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String state = as(token).get(location).then().statusCode(200).extract().path("state");
            return !"QUEUED".equals(state) && !"RUNNING".equals(state);
        });
        return as(token).header("Accept-Language", lang).get(location).then().statusCode(200).extract().jsonPath();
    }

    static List<List<Object>> rows(List<Object> header, List<?>... data) {
        List<List<Object>> out = new java.util.ArrayList<>();
        out.add(header);
        for (List<?> d : data) {
            out.add(new java.util.ArrayList<>(d));
        }
        return out;
    }

    static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** A description with what PostgreSQL's COPY escapes (tab, backslash, line break) and what XML escapes. */
    static final String DECEMBER = "十二月\t电费\\水费 <合计> & 续\n完";

    /** A good workbook: 基本支出, two projects, five lines (dates as Excel dates and as text). */
    static Path goodWorkbook(int year) throws Exception {
        return TestWorkbooks.xlsx(
                new TestWorkbooks.SheetData("填写说明", rows(row("说明"))),
                new TestWorkbooks.SheetData("支出明细", rows(LINE_HEADER,
                        row("示例", "2020-03-15", "不存在的项目", "保险费", "单位自有", 1, "示例行被跳过"),
                        row(1, LocalDate.of(year, 3, 15), "普法宣传", "印刷费", "单位自有", 12000.5, "宣传册"),
                        row(2, year + "/4/1", "普法宣传", "委托业务费", "财政直接支付", "8,000.00", null),
                        row(3, year + "年5月6日", "基本支出", "办公费", "单位自有", 100.1 + 0.2, "办公用品（浮点和）"),
                        row(4, LocalDate.of(year, 6, 30), "社区矫正", "差旅费", "单位自有", 3000, null),
                        row(5, year + "1231", "基本支出", "水电费", "单位自有", "2000.00", DECEMBER))),
                new TestWorkbooks.SheetData("基本支出", rows(BASIC_HEADER,
                        row("示例", 6378800, 6991300, 6095200, 557900, 338100, null),
                        row(1, 500000, 480000.25, 400000, 50000, 30000.25, 35000))),
                new TestWorkbooks.SheetData("项目支出", rows(PROJECT_HEADER,
                        row(1, "普法宣传", 30000, -5000, "调减", 12000.5, 8000, "是"),
                        row(2, "社区矫正", 10000, null, null, 3000, null, "否"))));
    }

    @Test
    void aGoodWorkbookIsSavedInOneTransactionWithOneEventAndExportsBack() throws Exception {
        int year = 2021;
        long revisionBefore = ((Number) as(clerk()).get(base(year)).then().statusCode(200).extract().path("revision")).longValue();
        JsonPath job = importAndWait(year, readAll(goodWorkbook(year)), "2021年预算.xlsx", "zh-CN");
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(100, job.getInt("percent"));
        assertEquals(8, job.getInt("totalRows"), "1 basic + 2 projects + 5 lines; example rows skipped");
        assertEquals(5, job.getInt("summary.linesSaved"));
        assertEquals("25100.80", job.getString("summary.linesTotal"));
        assertEquals(2, job.getInt("summary.projectsCreated"));
        // the job and the list of jobs are the contract's ImportJob, field for field (summary included)
        ContractAssert.assertMatches("ImportJob", job.prettify());
        ContractAssert.assertEachMatches("ImportJob", as(clerk()).get(base(year) + "/imports").then().statusCode(200)
                .extract().asString());

        JsonPath sheet = as(clerk()).get(base(year)).then().statusCode(200).extract().jsonPath();
        assertEquals(revisionBefore + 1, sheet.getLong("revision"), "the whole import is one revision");
        assertEquals("480000.25", sheet.getString("basic.actual"));
        assertEquals("-19999.75", sheet.getString("basic.variance"));
        assertEquals("25000.00", sheet.getString("projects.find { it.name == '普法宣传' }.adjustedBudget"));
        assertEquals(true, sheet.getBoolean("projects.find { it.name == '普法宣传' }.keyProject"));
        // the lines are checked against the stated actuals, not stored as totals
        assertEquals(5, sheet.getInt("spending.lines"));
        assertEquals("25100.80", sheet.getString("spending.total"));
        assertEquals("2100.30", sheet.getString("spending.checks.find { it.line == 'BASIC' }.linesTotal"));
        assertEquals(false, sheet.getBoolean("spending.checks.find { it.line == 'BASIC' }.matches"));
        long legal = sheet.getLong("projects.find { it.name == '普法宣传' }.id");
        assertEquals(true, sheet.getBoolean("spending.checks.find { it.projectId == " + legal + " }.matches"),
                "普法宣传: 12000.50 own + 8000.00 direct, as stated");
        // by month of 支付日期 (the year-end rush reads it): March, April, May, June, December
        assertEquals(List.of("0.00", "0.00", "12000.50", "8000.00", "100.30", "3000.00", "0.00", "0.00", "0.00", "0.00",
                "0.00", "2000.00"), sheet.getList("spending.byMonth"));

        // one BudgetFiguresChanged for the whole import, valid against the schema
        var events = TopicReader.await("budget.events", v -> v.contains("\"BudgetFiguresChanged\"")
                && v.contains(D) && v.contains("\"fiscalYear\":" + year), Duration.ofSeconds(30));
        assertEquals(1, events.size(), "one event for the import");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> io.jixiao.platform.outbox.OutboxEvent
                .count("eventKey = ?1 and eventType = ?2", D + ":" + year, "BudgetFiguresChanged")));
        assertTrue(events.get(0).value().contains("\"section\":\"import\""));
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BudgetFiguresChanged", 1),
                events.get(0).value());

        // audit: who imported what, old and new
        JsonPath audit = as(clerk()).get(base(year) + "/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("5 条，合计 25100.80 元", audit.getString("find { it.field == 'lines' }.newValue"));
        String importedFrom = audit.getString("find { it.field == 'importedFrom' }.newValue");
        assertEquals("2021年预算.xlsx (" + job.getString("id") + ")", importedFrom);
        assertEquals("clerk-07", audit.getString("find { it.field == 'lines' }.actor"));

        // paged read of the lines
        JsonPath page = as(clerk()).queryParam("limit", 2).get(base(year) + "/spending-lines").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, page.getList("items").size());
        assertEquals("12000.50", page.getString("items[0].amount"));
        assertEquals("DIRECT", page.getString("items[1].channel"));
        String next = page.getString("nextCursor");
        as(clerk()).queryParam("limit", 10).queryParam("cursor", next).get(base(year) + "/spending-lines").then()
                .statusCode(200).body("items", hasSize(3)).body("nextCursor", nullValue());

        // export to XLSX and read it back with POI
        byte[] xlsx = as(clerk()).get(base(year) + "/workbook").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        DataFormatter fmt = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("汇总", "基本支出", "项目支出", "支出明细", "差异原因"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4)));
            Sheet summary = wb.getSheet("汇总");
            assertEquals("基本支出", summary.getRow(4).getCell(0).getStringCellValue());
            assertEquals(50.0, summary.getRow(4).getCell(1).getNumericCellValue(), 1e-9, "500000 元 = 50.00 万元");
            assertEquals(48.0, summary.getRow(4).getCell(2).getNumericCellValue(), 1e-9, "480000.25 元 → 48.00 万元");
            Sheet lines = wb.getSheet("支出明细");
            assertEquals(6, lines.getLastRowNum(), "header, 5 lines, 合计");
            assertEquals("普法宣传", lines.getRow(1).getCell(2).getStringCellValue());
            assertEquals(LocalDate.of(year, 3, 15), lines.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy-mm-dd", lines.getRow(1).getCell(1).getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(year, 12, 31), lines.getRow(5).getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(12000.5, lines.getRow(1).getCell(5).getNumericCellValue(), 1e-9);
            assertEquals("#,##0.00", lines.getRow(1).getCell(5).getCellStyle().getDataFormatString());
            assertEquals(1.0, lines.getRow(1).getCell(0).getNumericCellValue(), 1e-9);
            assertEquals("宣传册", lines.getRow(1).getCell(6).getStringCellValue());
            assertEquals(DECEMBER, lines.getRow(5).getCell(6).getStringCellValue());
            assertEquals("办公费", lines.getRow(3).getCell(3).getStringCellValue());
            assertEquals("财政直接支付", lines.getRow(2).getCell(4).getStringCellValue());
            assertEquals("合计", lines.getRow(6).getCell(0).getStringCellValue());
            assertEquals(25100.80, lines.getRow(6).getCell(5).getNumericCellValue(), 1e-9);
            Sheet projects = wb.getSheet("项目支出");
            assertEquals("合计", projects.getRow(3).getCell(0).getStringCellValue());
            assertEquals("40000.00", fmt.formatCellValue(projects.getRow(3).getCell(2)).replace(",", ""));
        }

        // the export is importable again: same data, nothing changes (no new revision)
        JsonPath again = importAndWait(year, xlsx, "export.xlsx", "zh-CN");
        assertEquals("SUCCEEDED", again.getString("state"), again.prettify());
        assertEquals(false, again.getBoolean("summary.basicChanged"));
        assertEquals(2, again.getInt("summary.projectsUnchanged"));
        assertEquals(5, again.getInt("summary.linesSaved"));
        assertEquals("25100.80", again.getString("summary.linesTotal"));
    }

    /** The sums the sheet shows leave with a deleted project, and a later import replaces them rather than adding. */
    @Test
    void aDeletedProjectTakesItsSumsAndASecondImportReplacesTheRest() throws Exception {
        int year = 2018; // only the job listing of aLockedYear… imports the same workbook into this year
        assertEquals("SUCCEEDED", importAndWait(year, readAll(goodWorkbook(year)), "first.xlsx", "zh-CN").getString("state"));
        JsonPath sheet = as(clerk()).get(base(year)).then().statusCode(200).extract().jsonPath();
        assertEquals(5, sheet.getInt("spending.lines"));
        assertEquals("25100.80", sheet.getString("spending.total"));
        long community = sheet.getLong("projects.find { it.name == '社区矫正' }.id");
        assertEquals("3000.00", sheet.getString("spending.checks.find { it.projectId == " + community + " }.linesTotal"));

        long version = sheet.getLong("projects.find { it.name == '社区矫正' }.version");
        as(clerk()).delete(base(year) + "/projects/" + community + "?version=" + version).then().statusCode(200);
        JsonPath after = as(clerk()).get(base(year)).then().statusCode(200).extract().jsonPath();
        assertEquals(4, after.getInt("spending.lines"), "the project's line left with it");
        assertEquals(4, as(clerk()).get(base(year) + "/spending-lines?limit=100").then().statusCode(200).extract()
                .jsonPath().getList("items").size(), "its 支出明细 row left too, not only the totals");
        assertEquals("22100.80", after.getString("spending.total"));
        assertEquals("0.00", after.getList("spending.byMonth").get(5), "its June payment left its month");
        assertEquals("2000.00", after.getList("spending.byMonth").get(11));
        assertNull(after.get("spending.checks.find { it.projectId == " + community + " }"));

        byte[] basicOnly = readAll(TestWorkbooks.xlsx(new TestWorkbooks.SheetData("支出明细", rows(LINE_HEADER,
                row(1, LocalDate.of(year, 2, 1), "基本支出", "办公费", "单位自有", "100.00", null),
                row(2, LocalDate.of(year, 2, 2), "基本支出", "邮电费", "财政直接支付", "200.50", null)))));
        JsonPath second = importAndWait(year, basicOnly, "second.xlsx", "zh-CN");
        assertEquals("SUCCEEDED", second.getString("state"), second.prettify());
        assertEquals(4, second.getInt("summary.linesReplaced"));
        JsonPath replaced = as(clerk()).get(base(year)).then().statusCode(200).extract().jsonPath();
        assertEquals(2, replaced.getInt("spending.lines"));
        assertEquals("300.50", replaced.getString("spending.total"));
        assertEquals(List.of("0.00", "300.50", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                "0.00"), replaced.getList("spending.byMonth"), "the second import replaced every month");
        assertEquals("200.50", replaced.getString("spending.checks.find { it.line == 'BASIC' }.linesDirect"),
                replaced.prettify());
        JsonPath audit = as(clerk()).get(base(year) + "/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("4 条，合计 22100.80 元",
                audit.getString("find { it.field == 'lines' && it.newValue == '2 条，合计 300.50 元' }.oldValue"));
    }

    /**
     * The 支出明细 are checked while they stream into the database, after the file's 基本支出 was written in the
     * same transaction: an error in the very last row still saves nothing, and the year keeps its lines.
     */
    @Test
    void anErrorInTheLastOfManyLinesSavesNothingAndTheYearKeepsWhatItHad() throws Exception {
        String dept = "d0000000-0000-4000-8000-000000000004"; // its 2024 is written by no other test
        int year = 2024;
        String base = "/api/v1/budgets/" + dept + "/" + year;
        String token = TestTokens.department(dept);
        JsonPath first = importAndWait(dept, year, readAll(manyLines(year, 1000, 3000, null)), "first.xlsx", "zh-CN");
        assertEquals("SUCCEEDED", first.getString("state"), first.prettify());
        assertEquals(3000, first.getInt("summary.linesSaved"));
        JsonPath before = as(token).get(base).then().statusCode(200).extract().jsonPath();
        assertEquals(3000, before.getInt("spending.lines"));
        assertEquals("1000.00", before.getString("basic.budget"));

        // 5,000 good lines (more than one chunk of the COPY) and a last one with three decimals
        JsonPath second = importAndWait(dept, year, readAll(manyLines(year, 2000, 5000, "12.345")), "second.xlsx", "zh-CN");
        assertEquals("FAILED", second.getString("state"), second.prettify());
        assertEquals(1, second.getInt("errorCount"));
        assertEquals("import.amount.decimals", second.getString("errors[0].code"));
        assertEquals(5002, second.getInt("errors[0].row"), "the header is row 1, the bad line comes after 5,000");
        assertEquals(5002, second.getInt("totalRows"), "the 基本支出 row and 5,001 lines were all read");
        JsonPath after = as(token).get(base).then().statusCode(200).extract().jsonPath();
        assertEquals(before.getLong("revision"), after.getLong("revision"), "no new revision");
        assertEquals("1000.00", after.getString("basic.budget"), "the file's 基本支出 was rolled back with its lines");
        assertEquals(3000, after.getInt("spending.lines"));
        assertEquals(before.getString("spending.total"), after.getString("spending.total"));
        assertEquals(List.of("第 1 笔"), as(token).get(base + "/spending-lines?limit=1").then().statusCode(200)
                .extract().jsonPath().getList("items.description"), "the first file's lines are still there");

        // a 支出明细 sheet with its header only: 基本支出 is saved, the year's lines stay
        JsonPath third = importAndWait(dept, year, readAll(manyLines(year, 3000, 0, null)), "third.xlsx", "zh-CN");
        assertEquals("SUCCEEDED", third.getString("state"), third.prettify());
        assertEquals(0, third.getInt("summary.linesReplaced"));
        assertEquals(0, third.getInt("summary.linesSaved"));
        JsonPath kept = as(token).get(base).then().statusCode(200).extract().jsonPath();
        assertEquals("3000.00", kept.getString("basic.budget"));
        assertEquals(3000, kept.getInt("spending.lines"));
        assertEquals(before.getString("spending.total"), kept.getString("spending.total"));
    }

    /** 基本支出 with the given budget and {@code lines} lines of 1.00 each; a last line with {@code lastAmount} when set. */
    private static Path manyLines(int year, int basicBudget, int lines, String lastAmount) throws Exception {
        List<List<?>> data = new java.util.ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            data.add(row(i, LocalDate.of(year, 1 + i % 12, 1 + i % 28), "基本支出", "办公费", "单位自有", "1.00", "第 " + i + " 笔"));
        }
        if (lastAmount != null) {
            data.add(row(lines + 1, LocalDate.of(year, 12, 31), "基本支出", "办公费", "单位自有", lastAmount, "最后一笔"));
        }
        return TestWorkbooks.xlsx(
                new TestWorkbooks.SheetData("基本支出", rows(BASIC_HEADER, row(1, basicBudget, 900, null, null, null, null))),
                new TestWorkbooks.SheetData("支出明细", rows(LINE_HEADER, data.toArray(List<?>[]::new))));
    }

    @Test
    void oneBadRowSavesNothingAndEveryErrorHasSheetRowAndColumn() throws Exception {
        int year = 2023;
        Path bad = TestWorkbooks.xlsx(
                new TestWorkbooks.SheetData("基本支出", rows(BASIC_HEADER, row(1, 1000, 900, 950, null, null, null))),
                new TestWorkbooks.SheetData("支出明细", rows(LINE_HEADER,
                        row(1, LocalDate.of(year, 1, 5), "基本支出", "办公费", "单位自有", 100, null),
                        row(2, LocalDate.of(year, 1, 6), "基本支出", "办公费", "单位自有", -5, null),
                        row(3, LocalDate.of(year - 1, 12, 31), "无此项目", "办公费", "现金", "12.345", null))));
        JsonPath job = importAndWait(year, readAll(bad), "bad.xlsx", "zh-CN");
        assertEquals("FAILED", job.getString("state"));
        assertEquals("import.invalid", job.getString("failure.code"));
        assertEquals(6, job.getInt("errorCount"), job.prettify());
        assertEquals("基本支出", job.getString("errors[0].sheet"));
        assertEquals(2, job.getInt("errors[0].row"));
        assertEquals("D", job.getString("errors[0].column"));
        assertEquals("part.exceeds.total", job.getString("errors[0].code"));
        ContractAssert.assertMatches("ImportJob", job.prettify());
        JsonPath negative = job.setRoot("errors.find { it.code == 'import.amount.negative' }");
        assertEquals("支出明细", negative.getString("sheet"));
        assertEquals(3, negative.getInt("row"));
        assertEquals("F", negative.getString("column"));
        assertEquals("金额（元）", negative.getString("header"));
        assertEquals("金额不能为负数。", negative.getString("message"));
        job.setRoot("");
        assertEquals(List.of("import.date.outside-year", "import.project.unknown", "import.channel.invalid",
                "import.amount.decimals"), job.getList("errors.findAll { it.row == 4 }.code"));
        assertEquals(List.of("B", "C", "E", "F"), job.getList("errors.findAll { it.row == 4 }.column"));
        // nothing of the file was saved
        as(clerk()).get(base(year)).then().statusCode(200).body("basic", nullValue()).body("spending", nullValue())
                .body("revision", equalTo(0));
        // the same job read in English
        JsonPath en = as(clerk()).header("Accept-Language", "en")
                .get(base(year) + "/imports/" + job.getString("id")).then().statusCode(200).extract().jsonPath();
        assertEquals("The amount cannot be negative.", en.getString("errors.find { it.code == 'import.amount.negative' }.message"));
        assertTrue(en.getString("failure.message").startsWith("The file has 6 error(s)"), en.getString("failure.message"));
    }

    @Test
    void aGbkCsvOfSpendingLinesIsDetectedAndRead() {
        int year = 2022;
        String csv = "序号,支付日期,项目名称,经济分类/用途,支付方式,金额(元),摘要\r\n"
                + "示例,2020-03-15,基本支出,办公费,单位自有,1.00,示例\r\n"
                + "1,2022-02-03,基本支出,办公费,单位自有,\"1,234.50\",\"购置打印纸，墨盒\"\r\n"
                + "2,2022/2/4,基本支出,邮电费,财政直接支付,65.5,寄送材料\r\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));
        JsonPath job = importAndWait(year, gbk, "明细.csv", "zh-CN");
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("CSV", job.getString("fileType"));
        JsonPath page = as(clerk()).get(base(year) + "/spending-lines").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("购置打印纸，墨盒", "寄送材料"), page.getList("items.description"));
        assertEquals(List.of("1234.50", "65.50"), page.getList("items.amount"));
        // the same in UTF-8 with BOM replaces the year's lines
        byte[] utf8 = ("\uFEFF" + csv.replace("65.5", "70")).getBytes(StandardCharsets.UTF_8);
        assertEquals("SUCCEEDED", importAndWait(year, utf8, "明细.csv", "zh-CN").getString("state"));
        as(clerk()).get(base(year) + "/spending-lines").then().body("items.amount", equalTo(List.of("1234.50", "70.00")));
    }

    @Test
    void filesThatAreNotSpreadsheetsAreRefusedAtOnceWithAProblem() throws Exception {
        int year = 2024;
        uploadBytes(year, new byte[0], "empty.xlsx").statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("upload.empty")).body("errors[0].field", equalTo("file"));
        uploadBytes(year, "PK\u0003\u0004 this is no zip".getBytes(StandardCharsets.ISO_8859_1), "fake.xlsx")
                .statusCode(400).body("code", equalTo("import.xlsx-corrupt"));
        // a real ZIP without a workbook (e.g. a renamed archive)
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("hello.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        uploadBytes(year, zip.toByteArray(), "archive.xlsx").statusCode(400).body("code", equalTo("import.xlsx-corrupt"));
        byte[] ole2 = new byte[4096];
        ole2[0] = (byte) 0xD0;
        ole2[1] = (byte) 0xCF;
        ole2[2] = 0x11;
        ole2[3] = (byte) 0xE0;
        uploadBytes(year, ole2, "old.xls").statusCode(415).body("code", equalTo("import.ole2"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        uploadBytes(year, png, "picture.xlsx").statusCode(415).body("code", equalTo("import.not-spreadsheet"));
        uploadBytes(year, "a,b,c\r\n1,2,3\r\n".getBytes(StandardCharsets.UTF_8), "other.csv")
                .statusCode(400).body("code", equalTo("import.csv-layout"));
        // a workbook without any of the three sheets
        Path other = TestWorkbooks.xlsx(new TestWorkbooks.SheetData("Sheet1", rows(row("x"))));
        uploadBytes(year, readAll(other), "other.xlsx").statusCode(400).body("code", equalTo("import.no-sheets"));
        // 21 MB (over the 20 MB limit) and 50 MB: 413 problem+json in the caller's language
        java.net.http.HttpResponse<String> big = streamedUpload(year, 21L * 1024 * 1024, "zh-CN");
        assertEquals(413, big.statusCode(), big.body());
        assertTrue(big.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("import.too-large", JsonPath.from(big.body()).getString("code"));
        java.net.http.HttpResponse<String> huge = streamedUpload(year, 50L * 1024 * 1024, "en");
        assertEquals(413, huge.statusCode(), huge.body());
        assertEquals("The file is too large: imports are limited to 20 MB. Split it and import the parts (e.g. spending "
                + "lines by quarter).", JsonPath.from(huge.body()).getString("detail"));
        // a file with only the template's example rows has nothing to import
        byte[] template = as(clerk()).get("/api/v1/budgets/import-template").then().statusCode(200).contentType(XLSX)
                // RFC 6266: the Chinese name 预算支出导入模板.xlsx as filename*, an ASCII stand-in as filename
                .header("Content-Disposition", equalTo("attachment; filename=\"________.xlsx\"; filename*=UTF-8''"
                        + "%E9%A2%84%E7%AE%97%E6%94%AF%E5%87%BA%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"))
                .extract().asByteArray();
        JsonPath job = importAndWait(year, template, "模板.xlsx", "zh-CN");
        assertEquals("FAILED", job.getString("state"));
        assertEquals("import.nothing", job.getString("failure.code"));
        // nothing was stored by any of them
        as(clerk()).get(base(year)).then().statusCode(200).body("revision", equalTo(0));
    }

    @Test
    void aLockedYearRefusesTheImportAndOtherDepartmentsSeeNoJob() throws Exception {
        int year = 2019;
        io.jixiao.testing.TestEvents.send("report.events", D, year,
                io.jixiao.testing.TestEvents.filing("FilingSubmitted", 1, D, year, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk()).get(base(year)).then().body("locked", equalTo(true)));
        uploadBytes(year, readAll(goodWorkbook(year)), "locked.xlsx").statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("filing.locked"));

        // job reads are scoped to the department and year
        var accepted = as(clerk()).multiPart("file", "x.xlsx", readAll(goodWorkbook(2018)), "application/octet-stream")
                .post(base(2018) + "/imports").then().statusCode(202).extract();
        // the 202's job, most likely still queued (phase and totalRows null), is the contract's ImportJob too
        ContractAssert.assertMatches("ImportJob", accepted.asString());
        String location = accepted.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(TestTokens.department(TestTokens.OTHER_DEPT)).get(location).then().statusCode(403);
        as(TestTokens.department(TestTokens.OTHER_DEPT)).get("/api/v1/budgets/" + TestTokens.OTHER_DEPT + "/2020/imports/" + id)
                .then().statusCode(404);
        as(clerk()).get(base(2021) + "/imports/" + id).then().statusCode(404);
        as(TestTokens.reviewer()).get(location).then().statusCode(200);
        // only the department's own members import
        as(TestTokens.reviewer()).multiPart("file", "x.xlsx", readAll(goodWorkbook(2018)), "application/octet-stream")
                .post(base(2018) + "/imports").then().statusCode(403);
        await().atMost(Duration.ofMinutes(1)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(as(clerk()).get(location).then().extract().path("state")));
        as(clerk()).get(base(2018) + "/imports").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void aJobLeftRunningByAStoppedProcessBecomesInterrupted() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob j = new ImportJob();
            j.id = id;
            j.departmentId = D;
            j.fiscalYear = 2018;
            j.fileName = "crash.xlsx";
            j.fileType = "XLSX";
            j.fileBytes = 10;
            j.state = ImportJob.State.RUNNING;
            j.phase = ImportJob.Phase.SAVING;
            j.instanceId = "a-process-that-died";
            j.createdBy = "clerk-07";
            j.createdAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
            j.updatedAt = j.createdAt;
            j.persist();
        });
        imports.sweep();
        as(clerk()).get(base(2018) + "/imports/" + id).then().statusCode(200).body("state", equalTo("INTERRUPTED"))
                .body("failure.code", equalTo("import.interrupted"));
    }

    @Test
    void theTemplateHasChineseHeadersAndAnExampleRow() throws Exception {
        byte[] bytes = as(clerk()).get("/api/v1/budgets/import-template").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet lines = wb.getSheet("支出明细");
            assertEquals("支付日期", lines.getRow(0).getCell(1).getStringCellValue());
            assertEquals("示例", lines.getRow(1).getCell(0).getStringCellValue());
            assertEquals(52800.0, lines.getRow(1).getCell(5).getNumericCellValue());
            assertEquals("预算数（元）", wb.getSheet("基本支出").getRow(0).getCell(1).getStringCellValue());
            assertEquals("重点项目", wb.getSheet("项目支出").getRow(0).getCell(7).getStringCellValue());
        }
        String csv = as(clerk()).queryParam("format", "csv").queryParam("sheet", "lines")
                .get("/api/v1/budgets/import-template").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF序号,支付日期,项目名称,经济分类/用途,支付方式,金额（元）,摘要\r\n示例,2020-03-15,"), csv);
        as(clerk()).queryParam("format", "csv").queryParam("sheet", "x").get("/api/v1/budgets/import-template")
                .then().statusCode(400).body("errors[0].field", equalTo("sheet"));
        as(clerk()).queryParam("format", "pdf").get("/api/v1/budgets/import-template")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
    }
}
