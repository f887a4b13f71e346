package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * The successful writes of a department-year's sections other than 基本支出: what is stored, the totals
 * derived from it, the audit entry (who, old, new) and the snapshot event through the outbox.
 */
@Tier2
@QuarkusTest
class FiguresWritesTest {

    /** 自然资源局: no other test writes its 2021 or 2022 (the allowed years are the last eight). */
    static final String D = "d0000000-0000-4000-8000-000000000005";
    static final Path SCHEMA = Path.of("src/main/resources/schemas/BudgetFiguresChanged.v1.json");

    static String clerk() {
        return TestTokens.department(D);
    }

    /** The first snapshot event of this year's changes of the section that holds every marker. */
    static String event(int year, String section, String... markers) {
        String event = TopicReader.await("budget.events", v -> v.contains("\"fiscalYear\":" + year) && v.contains(D)
                && v.contains("\"section\":\"" + section + "\"") && java.util.Arrays.stream(markers).allMatch(v::contains),
                Duration.ofSeconds(30))
                .get(0).value();
        SchemaAssert.assertValid(SCHEMA, event);
        return event;
    }

    @Test
    void aProjectIsCorrectedAndRemovedWithItsTotalsAuditAndEvents() {
        int year = 2021;
        String base = "/api/v1/budgets/" + D + "/" + year;
        int kept = as(clerk()).body("{\"name\":\"综治维稳工作经费\",\"budget\":\"600000.00\",\"actualOwn\":\"652800.00\"}")
                .post(base + "/projects").then().statusCode(200).extract().path("projects.find { it.name == '综治维稳工作经费' }.id");
        int removed = as(clerk()).body("{\"name\":\"见义勇为奖励金\",\"budget\":\"200000.00\",\"actualOwn\":\"131000.00\"}")
                .post(base + "/projects").then().statusCode(200).extract().path("projects.find { it.name == '见义勇为奖励金' }.id");

        // PUT: 600,000 + 50,000 追加; 700,000 paid by the unit + 20,000 by the bureau = 720,000, 120% of 年初预算
        as(clerk()).body("{\"name\":\"综治维稳工作经费\",\"budget\":\"600000.00\",\"adjustment\":\"50000.00\","
                + "\"adjustmentReason\":\"追加维稳经费\",\"actualOwn\":\"700000.00\",\"actualDirect\":\"20000.00\","
                + "\"keyProject\":true,\"version\":0}")
                .put(base + "/projects/" + kept).then().statusCode(200)
                .body("projects.find { it.id == " + kept + " }.adjustedBudget", equalTo("650000.00"))
                .body("projects.find { it.id == " + kept + " }.actual", equalTo("720000.00"))
                .body("projects.find { it.id == " + kept + " }.variance", equalTo("120000.00"))
                .body("projects.find { it.id == " + kept + " }.executionRate", equalTo("120.00"))
                .body("projects.find { it.id == " + kept + " }.version", equalTo(1))
                .body("projectTotals.count", equalTo(2))
                .body("projectTotals.budget", equalTo("800000.00"))
                .body("projectTotals.actual", equalTo("851000.00"))
                .body("projectTotals.keyProjectsActual", equalTo("720000.00"));
        // a stale version changes nothing
        as(clerk()).body("{\"name\":\"综治维稳工作经费\",\"budget\":\"1.00\",\"actualOwn\":\"1.00\",\"version\":0}")
                .put(base + "/projects/" + kept).then().statusCode(409);
        as(clerk()).delete(base + "/projects/" + removed + "?version=1").then().statusCode(409);

        // DELETE: the project goes, the totals follow
        as(clerk()).delete(base + "/projects/" + removed + "?version=0").then().statusCode(200)
                .body("projects", hasSize(1))
                .body("projects[0].id", equalTo(kept))
                .body("projectTotals.count", equalTo(1))
                .body("projectTotals.budget", equalTo("600000.00"))
                .body("projectTotals.actual", equalTo("720000.00"))
                .body("projectTotals.executionRate", equalTo("120.00"));
        as(TestTokens.reviewer()).get(base).then().statusCode(200).body("projects", hasSize(1))
                .body("projects[0].actualOwn", equalTo("700000.00"));

        as(clerk()).get(base + "/audit").then().statusCode(200)
                .body("find { it.field == 'actualOwn' && it.newValue == '700000.00' }.oldValue", equalTo("652800.00"))
                .body("find { it.field == 'actualOwn' && it.newValue == '700000.00' }.actor", equalTo("clerk-05"))
                .body("find { it.field == 'name' && it.oldValue == '见义勇为奖励金' && it.newValue == null }.actor",
                        equalTo("clerk-05"));
        // one snapshot per change: the correction's with the new actual, the removal's without the project
        String corrected = event(year, "project", "\"actualOwn\":\"700000.00\"");
        String afterDelete = event(year, "project", "\"count\":1,", "\"actualOwn\":\"700000.00\"");
        org.junit.jupiter.api.Assertions.assertFalse(afterDelete.contains("见义勇为奖励金"), afterDelete);
        org.junit.jupiter.api.Assertions.assertTrue(corrected.contains("见义勇为奖励金"), corrected);
    }

    /** 三公, 采购, 结转结余, assets and the twelve monthly payments; only 公务用车 actual varies. */
    static String otherFigures(String carsActual, Long version) {
        String months = "\"10000.00\",\"20000.00\",\"30000.00\",\"40000.00\",\"50000.00\",\"60000.00\","
                + "\"70000.00\",\"80000.00\",\"90000.00\",\"100000.00\",\"110000.00\",\"120000.00\"";
        return "{\"overseasBudget\":\"10000.00\",\"overseasActual\":\"8000.00\",\"carsBudget\":\"50000.00\","
                + "\"carsActual\":\"" + carsActual + "\",\"receptionBudget\":\"20000.00\",\"receptionActual\":\"15000.00\","
                + "\"threePublicBudgetLastYear\":\"90000.00\",\"procurementBudget\":\"300000.00\","
                + "\"procurementActual\":\"280000.00\",\"carryOver\":\"12000.00\",\"carryOverLastYear\":\"15000.00\","
                + "\"fixedAssetsTotal\":\"1000000.00\",\"fixedAssetsInUse\":\"850000.00\",\"monthlyPayments\":[" + months
                + "],\"version\":" + version + "}";
    }

    @Test
    void otherFiguresAreStoredWithTheirTotalsAuditAndEvent() {
        int year = 2022;
        String base = "/api/v1/budgets/" + D + "/" + year;
        as(clerk()).body(otherFigures("52000.50", null))
                .put(base + "/other-figures").then().statusCode(200)
                .body("threePublic.totalBudget", equalTo("80000.00"))
                .body("threePublic.totalActual", equalTo("75000.50"))
                .body("threePublic.budgetLastYear", equalTo("90000.00"))
                .body("threePublic.version", equalTo(0))
                .body("procurement.budgetOrCurrent", equalTo("300000.00"))
                .body("procurement.actualOrPrevious", equalTo("280000.00"))
                .body("carryOver.budgetOrCurrent", equalTo("12000.00"))
                .body("carryOver.actualOrPrevious", equalTo("15000.00"))
                .body("assets.utilisationRate", equalTo("85.00"))
                .body("monthlyPayments", hasSize(12))
                .body("monthlyPayments[11]", equalTo("120000.00"));

        // a correction of one amount: only that field is audited, with its old value
        as(clerk()).body(otherFigures("49000.00", 0L))
                .put(base + "/other-figures").then().statusCode(200)
                .body("threePublic.totalActual", equalTo("72000.00"))
                .body("threePublic.version", equalTo(1));
        as(TestTokens.reviewer()).get(base).then().statusCode(200).body("threePublic.carsActual", equalTo("49000.00"));
        as(clerk()).get(base + "/audit").then().statusCode(200)
                .body("findAll { it.field == 'carsActual' }.newValue", org.hamcrest.Matchers.contains("52000.50", "49000.00"))
                .body("find { it.field == 'carsActual' && it.newValue == '49000.00' }.oldValue", equalTo("52000.50"))
                .body("find { it.field == 'carsActual' && it.newValue == '49000.00' }.actor", equalTo("clerk-05"))
                .body("findAll { it.field == 'carsBudget' }", hasSize(1))
                .body("find { it.field == 'fixedAssetsInUse' }.oldValue", nullValue());
        event(year, "other_figures", "\"carsActual\":\"49000.00\"");
    }
}
