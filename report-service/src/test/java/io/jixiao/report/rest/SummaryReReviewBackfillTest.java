package io.jixiao.report.rest;

import static io.jixiao.report.rest.FilingResourceTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.jixiao.report.service.DistrictSummaryService;
import io.jixiao.report.service.SeasonRules;
import io.jixiao.testing.TestTokens;
import jakarta.inject.Inject;

/**
 * report V12 on what a re-review saved before it left behind: a summary row without {@code reReview}.
 * V12's own SQL (read from the migration file) must drop exactly the rows of re-reviewed department-years,
 * and the start-up backfill must write them again with the outcome.
 */
@io.quarkus.test.junit.QuarkusTest
class SummaryReReviewBackfillTest {

    static final String D = SampleResourceTest.D;
    static final String OTHER = SampleResourceTest.OTHER;
    static final int YEAR = 2014;
    /** A year of D nobody re-reviewed: V12 must leave its row alone. */
    static final int UNREVIEWED_YEAR = 2012;

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    DistrictSummaryService summaries;

    @Test
    void v12DropsTheRowsOfReReviewedYearsAndTheBackfillWritesThemWithTheOutcome() throws Exception {
        SampleResourceTest.submitted(D, YEAR);
        SampleResourceTest.submitted(OTHER, YEAR);
        String reviewer = TestTokens.reviewer();
        int id = as(reviewer).body(RoundResourceTest.open(YEAR, "望城区", SeasonRules.today().plusDays(10), D, OTHER))
                .post("/api/v1/rounds").then().statusCode(201).extract().path("id");
        as(reviewer).body("{\"percentage\":100,\"minimum\":1,\"seed\":7}").post("/api/v1/rounds/" + id + "/sample").then()
                .statusCode(201);
        as(reviewer).body(SampleResourceTest.REVIEW.formatted("1", "null"))
                .put("/api/v1/rounds/" + id + "/sample/reviews/" + D).then().statusCode(200).body("flagged", equalTo(true));

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // as a re-review saved before V12 left it: the row without the outcome
            assertEquals(1, st.executeUpdate("update summary_row set body = (body::jsonb - 'reReview')::text"
                    + " where department_id = '" + D + "' and fiscal_year = " + YEAR));
            // and a row of another year of the same department, which was never re-reviewed
            assertEquals(1, st.executeUpdate("insert into summary_row select department_id, " + UNREVIEWED_YEAR
                    + ", department_code, status, changed_at, revision, etag, body, updated_at from summary_row"
                    + " where department_id = '" + D + "' and fiscal_year = " + YEAR));
            String otherBefore = rowOf(c, OTHER, YEAR);
            assertTrue(otherBefore != null, "the other department has its row");
            assertNull(reReview(c, D, YEAR));

            String v12 = new String(Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream("db/migration/V12__summary_row_rereview.sql").readAllBytes(), StandardCharsets.UTF_8);
            st.execute(v12);

            assertNull(rowOf(c, D, YEAR), "the re-reviewed year's row is dropped");
            assertEquals(otherBefore, rowOf(c, OTHER, YEAR), "a department of the round not re-reviewed keeps its row");
            assertTrue(rowOf(c, D, UNREVIEWED_YEAR) != null, "another year of the re-reviewed department keeps its row");
            st.executeUpdate("delete from summary_row where department_id = '" + D + "' and fiscal_year = " + UNREVIEWED_YEAR);
        }

        assertTrue(summaries.backfill() >= 1);

        try (Connection c = dataSource.getConnection()) {
            String written = reReview(c, D, YEAR);
            assertTrue(written != null, "the backfill wrote the row with its outcome");
            assertEquals(JSON.readTree("{\"roundId\":" + id + ",\"selfTotal\":\"72.50\",\"reviewTotal\":\"5.00\","
                    + "\"deviation\":\"67.50\",\"flagged\":true}"), JSON.readTree(written));
        }
        as(reviewer).get("/api/v1/reports/summary?fiscalYear=" + YEAR).then().statusCode(200)
                .body("items.find { it.departmentId == '" + D + "' }.reReview.reviewTotal", equalTo("5.00"))
                .body("items.find { it.departmentId == '" + D + "' }.reReview.flagged", equalTo(true));
    }

    /** The stored row as text (body and when it was written), or null. */
    private static String rowOf(Connection c, String department, int year) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "select body || ' @ ' || updated_at from summary_row where department_id = ? and fiscal_year = ?")) {
            ps.setString(1, department);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The row's reReview as PostgreSQL's jsonb prints it, or null (no row, or no outcome on it). */
    private static String reReview(Connection c, String department, int year) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select (body::jsonb -> 'reReview')::text from summary_row"
                + " where department_id = ? and fiscal_year = ? and jsonb_typeof(body::jsonb -> 'reReview') = 'object'")) {
            ps.setString(1, department);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
