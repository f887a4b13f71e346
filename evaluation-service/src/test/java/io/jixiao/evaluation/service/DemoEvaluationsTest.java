package io.jixiao.evaluation.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/**
 * The demo district as up.sh starts it (JIXIAO_DEMO=true): budget-service's demo figures of 2020 and 2021
 * arrive as budget.events (newest first, a stale revision after each), the demo loader adds goals and
 * self-scores once a year's figures are here, and the grades spread over 优, 良, 中 and 差 in both years,
 * with each department's exact total. Fails when a change to the demo data, the template or the scoring
 * makes the dashboard one colour again. Also: a department-year the department touched before its figures
 * came is left alone, and a second load changes nothing.
 */
@Tier2
@QuarkusTest
@TestProfile(DemoEvaluationsTest.Demo.class)
class DemoEvaluationsTest {

    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jixiao.demo.enabled", "true");
        }
    }

    static final String ZFW = "d0000000-0000-4000-8000-000000000001";
    static final String JUSTICE = "d0000000-0000-4000-8000-000000000007";
    /** Above any revision other tests of this module publish for the demo departments. */
    static final long REVISION = 1000;

    /** Total and grade per department (last digit of the id) and year, as the dashboard shows them. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    static {
        // 2020: the sample department as its report states it (no goals, no self-scores: 数据缺失 and 尚未自评)
        EXPECTED.put("1:2020", "6.82 差");
        EXPECTED.put("2:2020", "91.99 优");
        EXPECTED.put("3:2020", "67.81 中");
        EXPECTED.put("4:2020", "83.62 良");
        EXPECTED.put("5:2020", "56.64 差");
        EXPECTED.put("6:2020", "83.12 良");
        EXPECTED.put("7:2020", "65.42 中");
        EXPECTED.put("1:2021", "82.64 良");
        EXPECTED.put("2:2021", "95.27 优");
        EXPECTED.put("3:2021", "84.41 良");
        EXPECTED.put("4:2021", "93.49 优");
        EXPECTED.put("5:2021", "76.93 中");
        EXPECTED.put("6:2021", "86.08 良");
        // touched by the department before its figures came (below): its own goals, no demo self-scores
        EXPECTED.put("7:2021", "21.50 差");
    }

    @Inject
    DemoEvaluations demo;

    @Test
    void theDemoYearsSpreadOverAllFourGradesWithTheirExactTotals() throws Exception {
        // 司法局 enters its own goals for 2021 before any figure of that year has arrived: the demo keeps out
        given().auth().oauth2(TestTokens.department(JUSTICE)).contentType(ContentType.JSON).body("""
                {"version":null,"goals":[{"goal":"建成社区矫正中心","indicators":[
                  {"category":"QUANTITY","name":"社区矫正中心建设完成投资","unit":"万元","direction":"GE","target":350,"actual":98,"keyTask":true},
                  {"category":"QUALITY","name":"人民调解成功率","unit":"%","direction":"GE","target":96,"actual":96.3,"keyTask":false}]}]}""")
                .put("/api/v1/goals/" + JUSTICE + "/2021").then().statusCode(200);

        Map<String, JsonNode> years = DemoSheets.years();
        List<String> keys = new ArrayList<>(years.keySet());
        keys.removeIf(k -> !k.endsWith(":2020") && !k.endsWith(":2021"));
        Collections.reverse(keys); // 2021 before 2020, the last department first
        for (String key : keys) {
            JsonNode year = years.get(key);
            String departmentId = key.substring(0, key.indexOf(':'));
            int fiscalYear = Integer.parseInt(key.substring(key.indexOf(':') + 1));
            TopicReader.send("budget.events", key, DemoSheets.event(year, fiscalYear, REVISION));
            // an older state arriving late (without 三公, procurement, carry-over, assets, payments) changes nothing
            ObjectNode stale = (ObjectNode) year.deepCopy();
            stale.remove("other");
            TopicReader.send("budget.events", key, DemoSheets.event(stale, fiscalYear, REVISION - 1));
            assertEquals(departmentId, year.get("_departmentId").asText());
        }

        for (int fiscalYear : new int[] {2020, 2021}) {
            int y = fiscalYear;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertEquals(expected(y), ranking(y), "totals and grades of " + y));
            given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/grades?fiscalYear=" + y).then()
                    .statusCode(200).body("departments", equalTo(7))
                    .body("grades.count", everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        }

        // the explanations are the department's own words: evidence for each self-score, goals behind the 产出 rates
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/d0000000-0000-4000-8000-000000000005/2020")
                .then().statusCode(200)
                .body("score.items.find { it.code == 'asset-safety' }.status", equalTo("SELF_SCORED"))
                .body("score.items.find { it.code == 'asset-safety' }.explanation",
                        equalTo("年末清查发现机构改革划转的资产中约 800 万元尚未投入使用，固定资产利用率 80.49%。"))
                .body("score.items.find { it.code == 'fixed-asset-utilisation' }.value", equalTo(80.49f))
                .body("score.items.find { it.code == 'procurement-execution-rate' }.value", equalTo(63.64f))
                .body("score.items.find { it.code == 'key-task-completion-rate' }.value", equalTo(0.0f))
                .body("score.missing.size()", equalTo(0));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/" + JUSTICE + "/2021").then().statusCode(200)
                .body("score.items.find { it.code == 'social-benefit' }.status", equalTo("PENDING_SELF_SCORE"));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/goals/" + JUSTICE + "/2021").then().statusCode(200)
                .body("indicators.size()", equalTo(2));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/" + ZFW + "/2020").then().statusCode(200)
                .body("score.items.find { it.code == 'goal-reasonableness' }.status", equalTo("PENDING_SELF_SCORE"));

        // loading again (another start, another event) changes nothing
        for (BudgetSheetCopy.Key key : demo.years().keySet()) {
            assertFalse(demo.load(key), "loaded twice: " + key);
        }
        assertEquals(expected(2020), ranking(2020));
        assertEquals(expected(2021), ranking(2021));

        // the ranking's order: highest total first, ranks 1..7 (no two demo totals are equal)
        for (int fiscalYear : new int[] {2020, 2021}) {
            List<String> byTotal = expected(fiscalYear).entrySet().stream()
                    .sorted(java.util.Comparator.comparing(
                            (Map.Entry<String, String> e) -> new BigDecimal(e.getValue().split(" ")[0])).reversed())
                    .map(Map.Entry::getKey).toList();
            var ranking = given().auth().oauth2(TestTokens.reviewer())
                    .get("/api/v1/evaluations/ranking?fiscalYear=" + fiscalYear).then().statusCode(200).extract().jsonPath();
            assertEquals(byTotal, ranking.getList("departmentId"), "ranked by total, highest first: " + fiscalYear);
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), ranking.getList("rank"));
        }
    }

    private static Map<String, String> expected(int fiscalYear) {
        Map<String, String> out = new LinkedHashMap<>();
        EXPECTED.forEach((k, v) -> {
            if (k.endsWith(":" + fiscalYear)) {
                out.put("d0000000-0000-4000-8000-00000000000" + k.charAt(0), v);
            }
        });
        return out;
    }

    /** "total grade" per department from the bureau's ranking, in the order of the expected map. */
    private static Map<String, String> ranking(int fiscalYear) {
        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/evaluations/ranking?fiscalYear=" + fiscalYear).then().statusCode(200).extract().jsonPath()
                .getList("$");
        Map<String, String> byDepartment = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            byDepartment.put((String) r.get("departmentId"),
                    new BigDecimal(String.valueOf(r.get("total"))).setScale(2) + " " + r.get("grade"));
        }
        Map<String, String> out = new LinkedHashMap<>();
        expected(fiscalYear).keySet().forEach(d -> out.put(d, byDepartment.get(d)));
        return out;
    }
}
