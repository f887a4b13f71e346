package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/** The whole department-year with the sample report's own figures (2020, the sample department). */
@Tier2
@QuarkusTest
class FiguresResourceTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    static final String D = TestTokens.SAMPLE_DEPT;
    static final String BASE = "/api/v1/budgets/" + D + "/2019";

    static String clerk() {
        return TestTokens.department(D);
    }

    static int addProject(String body) {
        return as(clerk()).body(body).post(BASE + "/projects").then().statusCode(200).extract()
                .path("projects.max { it.id }.id");
    }

    @Test
    void theSampleFiguresGiveItsTotalsAndShowItsInconsistenciesAsData() throws Exception {
        String staffed = as(clerk()).body("{\"authorizedPosts\":20,\"staffInPost\":22,\"retiredSoldiers\":1,\"temporaryStaff\":4,"
                + "\"secondedStaff\":2}").put(BASE + "/staffing").then().statusCode(200)
                .body("staffing.overAuthorized", equalTo(2))
                .body("staffing.retirees", nullValue()).extract().asString();
        // the sheet with only 人员情况: every part not reported yet is null, as its schema says
        ContractAssert.assertMatches("BudgetSheet", staffed);
        as(clerk()).body("{\"budget\":\"6378800.00\",\"actual\":\"6991300.00\",\"personnelActual\":\"6095200.00\","
                + "\"subsidiesActual\":\"557900.00\",\"publicFundsActual\":\"338100.00\"}")
                .put(BASE + "/basic-expenditure").then().statusCode(200).body("personnelActual", equalTo("6095200.00"));

        int insurance = addProject("{\"name\":\"平安望城意外伤害及监护人责任保险\",\"budget\":\"600000.00\",\"actualOwn\":\"652800.00\",\"keyProject\":true}");
        int rescue = addProject("{\"name\":\"上级补助奖金及救助基金\",\"budget\":\"0.00\",\"adjustment\":\"701400.00\",\"adjustmentReason\":\"上级补助，年初无预算\",\"actualOwn\":\"701400.00\"}");
        addProject("{\"name\":\"派驻纪检监察组工作经费\",\"budget\":\"0.00\",\"adjustment\":\"90000.00\",\"adjustmentReason\":\"派驻 2 人，年初无预算\",\"actualOwn\":\"90000.00\"}");
        addProject("{\"name\":\"见义勇为奖励金\",\"budget\":\"200000.00\",\"actualOwn\":\"131000.00\"}");
        addProject("{\"name\":\"综治维稳工作经费\",\"budget\":\"2980000.00\",\"actualOwn\":\"2978900.00\",\"keyProject\":true}");
        addProject("{\"name\":\"平安望城建设（财政直接支付）\",\"budget\":\"7760000.00\",\"actualOwn\":\"0.00\",\"actualDirect\":\"7760000.00\",\"keyProject\":true}");

        // the sample's explanations: +5.28, +70.14, +9, −6.9 万元 = 77.52, against a variance of 77.41
        String revision = as(clerk()).get(BASE).then().extract().path("revision").toString();
        as(clerk()).body("{\"revision\":" + revision + ",\"reasons\":["
                + "{\"line\":\"PROJECT\",\"projectId\":" + insurance + ",\"amount\":\"52800.00\",\"reason\":\"参保人数增加\"},"
                + "{\"line\":\"PROJECT\",\"projectId\":" + rescue + ",\"amount\":\"701400.00\",\"reason\":\"年初无预算\"},"
                + "{\"line\":\"PROJECTS\",\"amount\":\"90000.00\",\"reason\":\"派驻纪检监察组工作经费\"},"
                + "{\"line\":\"PROJECTS\",\"amount\":\"-69000.00\",\"reason\":\"见义勇为奖励金结余\"}]}")
                .put(BASE + "/variance-reasons").then().statusCode(200);

        String sheet = as(TestTokens.reviewer()).get(BASE).then().statusCode(200)
                .body("basic.variance", equalTo("612500.00"))
                .body("basic.executionRate", equalTo("109.60"))
                .body("basic.partsSum", equalTo("6991200.00"))
                .body("basic.partsDifference", equalTo("100.00"))
                .body("projects", hasSize(6))
                .body("projectTotals.budget", equalTo("11540000.00"))
                .body("projectTotals.actualOwn", equalTo("4554100.00"))
                .body("projectTotals.actualDirect", equalTo("7760000.00"))
                .body("projectTotals.actual", equalTo("12314100.00"))
                .body("projectTotals.variance", equalTo("774100.00"))
                .body("projectTotals.executionRate", equalTo("106.71"))
                .body("reasonChecks.find { it.line == 'PROJECTS' }.explained", equalTo("775200.00"))
                .body("reasonChecks.find { it.line == 'PROJECTS' }.unexplained", equalTo("-1100.00"))
                .body("reasonChecks.find { it.line == 'PROJECTS' }.matches", equalTo(false))
                .body("reasonChecks.find { it.line == 'PROJECT' && it.projectId == " + insurance + " }.matches", equalTo(true))
                .body("threePublic", nullValue()).extract().asString();
        ContractAssert.assertMatches("BudgetSheet", sheet);

        // every change went out as a full snapshot, valid against our schema
        String event = TopicReader.await("budget.events", v -> v.contains("\"BudgetFiguresChanged\"")
                && v.contains("\"fiscalYear\":2019") && v.contains("variance_reasons"), Duration.ofSeconds(30)).get(0).value();
        SchemaAssert.assertValid(java.nio.file.Path.of("src/main/resources/schemas/BudgetFiguresChanged.v1.json"), event);
        as(clerk()).get(BASE + "/audit").then().statusCode(200)
                .body("find { it.field == 'authorizedPosts' }.newValue", equalTo("20"));

        // 支出明细 (imported by ImportResourceTest; written here directly): a page with a cursor and the last page
        insertLine(1, null, "打印纸");
        insertLine(2, insurance, null);
        String first = as(clerk()).queryParam("limit", 1).get(BASE + "/spending-lines").then().statusCode(200)
                .body("items[0].projectId", nullValue()).extract().asString();
        ContractAssert.assertMatches("SpendingLinePage", first);
        String last = as(clerk()).queryParam("cursor", io.restassured.path.json.JsonPath.from(first).getString("nextCursor"))
                .get(BASE + "/spending-lines").then().statusCode(200).body("nextCursor", nullValue())
                .body("items[0].project", equalTo("平安望城意外伤害及监护人责任保险")).body("items[0].description", nullValue())
                .extract().asString();
        ContractAssert.assertMatches("SpendingLinePage", last);
    }

    private void insertLine(int lineNo, Integer projectId, String description) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "insert into spending_line (department_id, fiscal_year, line_no, paid_on, project_id, economic_class, channel,"
                        + " amount, description) values (?, 2019, ?, date '2019-03-15', ?, '办公费', 'OWN', 52800.00, ?)")) {
            ps.setString(1, D);
            ps.setInt(2, lineNo);
            ps.setObject(3, projectId);
            ps.setString(4, description);
            ps.executeUpdate();
        }
    }

    @Test
    void partsAboveTheirTotalAndForeignProjectsAreRefused() {
        String base = "/api/v1/budgets/" + D + "/2018";
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"100.00\",\"personnelActual\":\"100.01\"}")
                .put(base + "/basic-expenditure").then().statusCode(400)
                .body("errors[0].field", equalTo("personnelActual"))
                .body("errors[0].message", equalTo("分项金额不能大于合计数。"));
        as(clerk()).body("{\"fixedAssetsTotal\":\"10.00\",\"fixedAssetsInUse\":\"11.00\"}").put(base + "/other-figures")
                .then().statusCode(400).body("errors[0].field", equalTo("fixedAssetsInUse"));
        as(clerk()).body("{\"monthlyPayments\":[\"1.00\"]}").put(base + "/other-figures")
                .then().statusCode(400).body("errors[0].field", equalTo("monthlyPayments"));
        int id = as(clerk()).body("{\"name\":\"测试项目\",\"budget\":\"10.00\",\"actualOwn\":\"5.00\"}")
                .post(base + "/projects").then().statusCode(200).extract().path("projects[0].id");
        // the other department can neither see nor change it, even through its own URL
        as(TestTokens.department(TestTokens.OTHER_DEPT))
                .body("{\"name\":\"改\",\"budget\":\"1.00\",\"actualOwn\":\"1.00\",\"version\":0}")
                .put("/api/v1/budgets/" + TestTokens.OTHER_DEPT + "/2018/projects/" + id).then().statusCode(404);
        as(TestTokens.department(TestTokens.OTHER_DEPT)).get(base).then().statusCode(403);
        as(clerk()).body("{\"name\":\"测试项目\",\"budget\":\"1.00\",\"actualOwn\":\"1.00\"}")
                .post(base + "/projects").then().statusCode(409).body("errors[0].field", equalTo("name"));
        as(clerk()).get(base).then().body("projects", hasSize(1)).body("projects[0].budget", equalTo("10.00"));
    }

    @Test
    void aSubmittedFilingLocksTheFiguresUntilReturned() {
        String base = "/api/v1/budgets/" + D + "/2025";
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"90.00\"}").put(base + "/basic-expenditure")
                .then().statusCode(200);
        String submitted = filingEvent("FilingSubmitted", 2025);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("report-service", "FilingSubmitted", 1), submitted);
        TopicReader.send("report.events", D + ":2025", submitted);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk()).get(base).then().body("locked", equalTo(true)));
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"95.00\",\"version\":0}").put(base + "/basic-expenditure")
                .then().statusCode(409).body("code", equalTo("filing.locked"))
                .body("detail", equalTo("2025 年度自评已提交，数据已锁定：请财政局退回后再修改。"));
        as(clerk()).body("{\"name\":\"新项目\",\"budget\":\"1.00\",\"actualOwn\":\"1.00\"}").post(base + "/projects")
                .then().statusCode(409);

        String returned = filingEvent("FilingReturned", 2025);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("report-service", "FilingReturned", 1), returned);
        TopicReader.send("report.events", D + ":2025", returned);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk()).get(base).then().body("locked", equalTo(false)));
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"95.00\",\"version\":0}").put(base + "/basic-expenditure")
                .then().statusCode(200).body("actual", equalTo("95.00"));
    }

    static String filingEvent(String type, int year) {
        return io.jixiao.testing.TestEvents.filing(type, 1, D, year, 1);
    }
}
