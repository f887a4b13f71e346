package io.jixiao.report.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jixiao.report.assembly.ReportFixtures;
import io.jixiao.report.rest.BureauDocumentsTest;
import io.jixiao.testing.TestDatabases;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/**
 * 全区汇总 rows follow events a moment later, coalesced: a burst of sheets for one department-year is
 * refreshed fewer times than it has events and ends on the newest sheet; a mark a crash left behind is
 * refreshed by the next pass.
 */
@Tier2
@QuarkusTest
class SummaryRefresherTest {

    @Inject
    SummaryRefresher refresher;
    @Inject
    MeterRegistry registry;

    @Test
    void aBurstOfSheetsIsRefreshedOnceOrTwiceAndEndsOnTheNewest() throws Exception {
        String d = "d-burst-1";
        int year = 2037;
        double before = registry.counter("jixiao.summary.refreshes").count();
        int events = 8;
        for (int revision = 1; revision <= events; revision++) {
            TestEvents.send("budget.events", d, year, TestEvents.budgetFigures(d, year, "loader", revision, "project",
                    ReportFixtures.sheet(d, year, revision, "6095300.00", "700300.00")));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.reviewer())
                .queryParam("fiscalYear", year).get("/api/v1/reports/summary").then().statusCode(200)
                .body("items.find { it.departmentId == '" + d + "' }.sheetRevision", equalTo(events)));
        BureauDocumentsTest.awaitSummaries();
        double refreshes = registry.counter("jixiao.summary.refreshes").count() - before;
        assertTrue(refreshes >= 1 && refreshes < events, refreshes + " refreshes for " + events + " sheets");
    }

    @Test
    void aMarkLeftByACrashIsRefreshedByTheNextPass() throws Exception {
        String d = "d-crash-1";
        int year = 2038;
        TestEvents.send("budget.events", d, year, TestEvents.budgetFigures(d, year, "loader", 1, "project",
                ReportFixtures.sheet(d, year, 1, "6095300.00", "700300.00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> summaryRows(d, year) == 1);
        BureauDocumentsTest.awaitSummaries();
        // as a crash between the consumer's commit and the refresh leaves it: the mark, no fresh row
        try (Connection c = TestDatabases.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from summary_row where department_id = '" + d + "'");
            st.executeUpdate("insert into summary_pending values ('" + d + "', " + year + ", now())");
        }
        assertEquals(0, summaryRows(d, year));
        refresher.wake(); // what the start of the next run and every tick do
        await().atMost(Duration.ofSeconds(30)).until(() -> summaryRows(d, year) == 1);
        BureauDocumentsTest.awaitSummaries();
    }

    static int summaryRows(String d, int year) throws Exception {
        try (Connection c = TestDatabases.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from summary_row where department_id = '" + d
                        + "' and fiscal_year = " + year)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
