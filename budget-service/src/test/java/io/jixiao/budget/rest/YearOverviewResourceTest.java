package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class YearOverviewResourceTest {

    @Test
    void theBureauPagesThroughEveryDepartmentWithStableCursors() {
        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            var req = as(TestTokens.financeApi()).queryParam("fiscalYear", 2026).queryParam("limit", 3);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/v1/budgets").then().statusCode(200).extract().jsonPath();
            codes.addAll(page.getList("items.departmentCode"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(7, codes.size());
        assertEquals(codes.stream().sorted().distinct().toList(), codes, "ordered, no duplicates");

        as(TestTokens.department(TestTokens.OTHER_DEPT)).queryParam("fiscalYear", 2026).get("/api/v1/budgets")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].departmentId", equalTo(TestTokens.OTHER_DEPT));
        as(TestTokens.reviewer()).queryParam("fiscalYear", 2026).queryParam("limit", 0).get("/api/v1/budgets")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(TestTokens.reviewer()).queryParam("fiscalYear", 2026).queryParam("limit", 100000).get("/api/v1/budgets")
                .then().statusCode(400);
        as(TestTokens.reviewer()).queryParam("fiscalYear", 2026).queryParam("cursor", "%%%").get("/api/v1/budgets")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as(TestTokens.reviewer()).get("/api/v1/budgets").then().statusCode(400).body("errors[0].field", equalTo("fiscalYear"));
    }

    @Test
    void exportStreamsEveryLineOfTheYearInCsvAndNdjson() {
        String base = "/api/v1/budgets/" + TestTokens.OTHER_DEPT + "/2020";
        String clerk = TestTokens.department(TestTokens.OTHER_DEPT);
        as(clerk).body("{\"budget\":\"1000.00\",\"actual\":\"900.00\"}").put(base + "/basic-expenditure").then().statusCode(200);
        as(clerk).body("{\"name\":\"=危险,\\\"名称\\\"\",\"budget\":\"500.00\",\"actualOwn\":\"300.00\",\"actualDirect\":\"250.00\"}")
                .post(base + "/projects").then().statusCode(200);

        as(TestTokens.reviewer()).queryParam("fiscalYear", 2020).get("/api/v1/budgets").then().statusCode(200)
                .body("items.find { it.departmentId == '" + TestTokens.OTHER_DEPT + "' }.totalActual", equalTo("1450.00"))
                .body("items.find { it.departmentId == '" + TestTokens.OTHER_DEPT + "' }.executionRate", equalTo("96.67"))
                .body("items.find { it.departmentCode == '407001' }.basicBudget", nullValue());

        byte[] csv = as(TestTokens.financeApi()).queryParam("fiscalYear", 2020).queryParam("format", "csv")
                .get("/api/v1/budgets/export").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF单位编码,"), "BOM and Chinese header");
        assertTrue(text.contains("402001,长沙市望城区教育局,2020,基本支出,,1000.00,0.00,900.00,0.00,900.00,-100.00,否"), text);
        assertTrue(text.contains("\"'=危险,\"\"名称\"\"\",500.00,0.00,300.00,250.00,550.00,50.00,否"), text);

        String ndjson = as(TestTokens.reviewer()).queryParam("fiscalYear", 2020).get("/api/v1/budgets/export")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = ndjson.lines().filter(l -> l.contains("402001")).toList();
        assertEquals(2, lines.size(), ndjson);
        assertTrue(lines.get(0).contains("\"line\":\"BASIC\""));
        // a department user exports only its own lines
        String own = as(TestTokens.department(TestTokens.SAMPLE_DEPT)).queryParam("fiscalYear", 2020)
                .get("/api/v1/budgets/export").then().statusCode(200).extract().asString();
        assertTrue(own.lines().noneMatch(l -> l.contains("402001")), own);
        as(TestTokens.reviewer()).queryParam("fiscalYear", 2020).queryParam("format", "xml")
                .get("/api/v1/budgets/export").then().statusCode(400).body("errors[0].field", equalTo("format"));
    }
}
