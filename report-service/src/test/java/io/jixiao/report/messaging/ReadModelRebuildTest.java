package io.jixiao.report.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.jixiao.report.rest.BureauDocumentsTest;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/** Build the read model through events, wipe it, rebuild it from the topics: the same rows, twice. */
@Tier2
@QuarkusTest
class ReadModelRebuildTest {

    @Inject
    DataSource dataSource;

    /** Every row of every view, without the wall-clock updated_at (and the summary's changed_at, the latest of those). */
    Map<String, List<String>> snapshot() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String view : ReadModelRebuild.VIEWS) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select * from " + view + " order by 1, 2, 3")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (!md.getColumnName(i).equals("updated_at") && !md.getColumnName(i).equals("changed_at")) {
                                row.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(view, rows);
            }
        }
        return out;
    }

    @Test
    void rebuildingFromTheTopicsGivesTheLiveReadModel() throws Exception {
        int year = 2033;
        // a department-year through both topics, then a newer sheet and a redelivered old score event
        BureauDocumentsTest.sendDepartment("d-rebuild-1", "406001", "望城区重建局", year, "66.00", "中");
        BureauDocumentsTest.sendDepartment("d-rebuild-2", "406002", "望城区重建二局", year, null, null);
        TestEvents.send("budget.events", "d-rebuild-1", year,
                TestEvents.basicExpenditure("d-rebuild-1", year, "zfw", "100.00", "90.00", "-10.00", "90.00", 3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/d-rebuild-1/" + year).then()
                    .statusCode(200).body("scoreRevision", equalTo(5));
            given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/d-rebuild-1/" + year + "/sections/basic-expenditure")
                    .then().statusCode(200);
            given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/d-rebuild-2/" + year).then().statusCode(200);
        });
        // the live consumers have processed everything sent so far, this test's and earlier tests' events
        TopicReader.awaitNoLag("report-service", Duration.ofSeconds(30), "budget.events", "evaluation.events");
        BureauDocumentsTest.awaitSummaries();
        Map<String, List<String>> live = snapshot();
        assertFalse(live.get("sheet_view").isEmpty());

        // damage the read model: the rebuild must restore it, not just leave it alone
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("update sheet_view set sheet = '{}', revision = 0 where department_id = 'd-rebuild-1'");
            st.executeUpdate("delete from score_view where department_id = 'd-rebuild-1'");
        }
        assertNotEquals(live, snapshot());

        given().auth().oauth2(TestTokens.reviewer()).post("/api/v1/reports/read-model/rebuild").then().statusCode(403)
                .body("code", equalTo("rebuild.admin-only"));
        String rebuilt = given().auth().oauth2(TestTokens.admin()).post("/api/v1/reports/read-model/rebuild").then().statusCode(200)
                .body("rows.sheet_view", equalTo(live.get("sheet_view").size()))
                .body("rows.score_view", equalTo(live.get("score_view").size())).extract().asString();
        ContractAssert.assertMatches("ReadModelRebuild", rebuilt);
        assertEquals(live, snapshot());

        // idempotent: a second rebuild changes nothing
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/reports/read-model/rebuild").then().statusCode(200);
        assertEquals(live, snapshot());

        // the live consumers go on after a rebuild: a new event is applied once
        BureauDocumentsTest.sendDepartment("d-rebuild-3", "406003", "望城区重建三局", year, null, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/reports/d-rebuild-3/" + year).then().statusCode(200));
    }

    /** Another instance's rebuild, as the database sees it: the advisory lock held by another session. */
    @Test
    void aRebuildWhileAnotherInstanceRebuildsIsRefused() throws Exception {
        BureauDocumentsTest.sendDepartment("d-rebuild-lock", "406009", "望城区重建锁测试局", 2035, null, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/reports/d-rebuild-lock/2035").then().statusCode(200));
        try (Connection other = io.jixiao.testing.TestDatabases.connect(); Statement st = other.createStatement()) {
            try (ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + ReadModelRebuild.REBUILD_LOCK + ")")) {
                rs.next();
                assertTrue(rs.getBoolean(1));
            }
            given().auth().oauth2(TestTokens.admin()).header("Accept-Language", "en").post("/api/v1/reports/read-model/rebuild")
                    .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("rebuild.running"))
                    .body("detail", containsString("another instance"));
            given().auth().oauth2(TestTokens.admin()).post("/api/v1/reports/read-model/rebuild").then().statusCode(409)
                    .body("detail", containsString("正在重建"));
            // nothing was wiped by the refused requests
            given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/reports/d-rebuild-lock/2035").then().statusCode(200);
        }
        // the other session is gone (as when an instance dies): once PostgreSQL has ended its backend (that
        // happens after the socket closes, not with it) the lock is free, a rebuild runs and releases it
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection probe = io.jixiao.testing.TestDatabases.connect(); Statement st = probe.createStatement();
                    ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + ReadModelRebuild.REBUILD_LOCK + ")")) {
                rs.next();
                boolean free = rs.getBoolean(1);
                if (free) {
                    st.execute("select pg_advisory_unlock(" + ReadModelRebuild.REBUILD_LOCK + ")");
                }
                return free;
            }
        });
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/reports/read-model/rebuild").then().statusCode(200);
        try (Connection other = io.jixiao.testing.TestDatabases.connect(); Statement st = other.createStatement();
                ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + ReadModelRebuild.REBUILD_LOCK + ")")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the rebuild left its lock held");
        }
    }
}
