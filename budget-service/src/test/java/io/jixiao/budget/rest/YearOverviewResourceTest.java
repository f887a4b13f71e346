package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.jixiao.testing.Tier2;

@Tier2
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
    void sortOrdersAndUpdatedSinceSelectsTheRecentlyChanged() {
        int year = 2026;
        Instant start = Instant.now(); // same clock as the service: it runs in this JVM
        for (String dept : List.of(TestTokens.OTHER_DEPT, TestTokens.SAMPLE_DEPT)) {
            as(TestTokens.department(dept)).body("{\"budget\":\"100.00\",\"actual\":\"90.00\",\"version\":null}")
                    .put(BasicExpenditureResourceTest.url(dept, year)).then().statusCode(200);
        }
        // updatedSince: exactly the department-years changed since then
        JsonPath recent = as(TestTokens.financeApi()).queryParam("fiscalYear", year)
                .queryParam("updatedSince", start.toString()).get("/api/v1/budgets").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Set.of(TestTokens.OTHER_DEPT, TestTokens.SAMPLE_DEPT),
                Set.copyOf(recent.getList("items.departmentId", String.class)));
        as(TestTokens.financeApi()).queryParam("fiscalYear", year)
                .queryParam("updatedSince", Instant.now().plusSeconds(3600).toString()).get("/api/v1/budgets")
                .then().statusCode(200).body("items", hasSize(0));

        // sort=-updatedAt, one row per page: newest first, never-changed last, every department once
        List<String> ids = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            var req = as(TestTokens.financeApi()).queryParam("fiscalYear", year).queryParam("sort", "-updatedAt")
                    .queryParam("limit", 1);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/v1/budgets").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.departmentId", String.class));
            times.add(page.getString("items[0].updatedAt"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(7, ids.size());
        assertEquals(7, Set.copyOf(ids).size(), "no department twice");
        assertEquals(List.of(TestTokens.SAMPLE_DEPT, TestTokens.OTHER_DEPT), ids.subList(0, 2), "latest change first");
        List<Instant> changed = times.stream().filter(java.util.Objects::nonNull).map(Instant::parse).toList();
        assertEquals(changed.stream().sorted(java.util.Comparator.reverseOrder()).toList(), changed);
        assertTrue(times.indexOf(null) < 0 || times.subList(times.indexOf(null), times.size()).stream()
                .allMatch(java.util.Objects::isNull), "never-changed rows come last: " + times);

        // sort=name pages through the same seven; a cursor belongs to its sort
        JsonPath byName = as(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("sort", "name")
                .queryParam("limit", 4).get("/api/v1/budgets").then().statusCode(200).extract().jsonPath();
        JsonPath rest = as(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("sort", "name")
                .queryParam("cursor", byName.getString("nextCursor")).get("/api/v1/budgets").then().statusCode(200)
                .extract().jsonPath();
        List<String> named = new ArrayList<>(byName.getList("items.departmentId", String.class));
        named.addAll(rest.getList("items.departmentId", String.class));
        assertEquals(Set.copyOf(ids), Set.copyOf(named));
        assertEquals(7, named.size());
        as(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("sort", "code")
                .queryParam("cursor", byName.getString("nextCursor")).get("/api/v1/budgets").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("sort", "budget").get("/api/v1/budgets")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        as(TestTokens.reviewer()).queryParam("fiscalYear", year).queryParam("updatedSince", "last week")
                .get("/api/v1/budgets").then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
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
                .get("/api/v1/budgets/export").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"budget-lines-2020.csv\"; filename*=UTF-8''budget-lines-2020.csv"))
                .extract().asByteArray();
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
