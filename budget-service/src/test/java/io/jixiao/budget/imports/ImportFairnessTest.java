package io.jixiao.budget.imports;

import static io.jixiao.budget.imports.ImportResourceTest.as;
import static io.jixiao.budget.imports.ImportResourceTest.uploadBytes;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;
import jakarta.inject.Inject;

/** One department's imports cannot pile up or hold up the others (real queue, real workers, real database). */
@Tier2
@QuarkusTest
class ImportFairnessTest {

    @Inject
    DataSource dataSource;

    static final int YEAR = 2025; // XlsxHardeningTest only fails jobs in this year; nothing else writes it
    static final String OTHER = "d0000000-0000-4000-8000-000000000005";

    static byte[] smallCsv() {
        return ("序号,支付日期,项目名称,经济分类/用途,支付方式,金额(元),摘要\r\n"
                + "1,2025-02-03,基本支出,办公费,单位自有,1.00,纸张\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String state(String token, String location) {
        return as(token).get(location).then().statusCode(200).extract().path("state");
    }

    /**
     * The department-year's filing row held FOR UPDATE by another transaction, as a long save of the same year
     * would: an import then stays RUNNING at its save, holding a worker, for as long as the test needs (a
     * 60,000-line workbook did that by its size, for 16 s of the test JVM's time and a margin that shrank with
     * the machine's speed). Released on close.
     */
    Connection holdFilingRow(String department, int year) throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("insert into filing (department_id, fiscal_year, revision, "
                + "locked, updated_at) values (?, ?, 0, false, now()) on conflict do nothing");
                PreparedStatement lock = c.prepareStatement(
                        "select revision from filing where department_id = ? and fiscal_year = ? for update")) {
            insert.setString(1, department);
            insert.setInt(2, year);
            insert.executeUpdate();
            c.commit(); // the row exists for everyone; the lock below is this transaction's
            lock.setString(1, department);
            lock.setInt(2, year);
            lock.executeQuery().close();
        }
        return c;
    }

    @Test
    void oneRunningAndOneWaitingPerDepartmentThen409AndOtherDepartmentsGoOn() throws Exception {
        String running;
        String waiting;
        try (Connection held = holdFilingRow(ImportResourceTest.D, YEAR)) {
            running = uploadBytes(YEAR, smallCsv(), "held.csv").statusCode(202).extract().header("Location");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !"QUEUED".equals(state(ImportResourceTest.clerk(), running)));
            assertEquals("RUNNING", state(ImportResourceTest.clerk(), running), "the held import waits at its save");
            waiting = uploadBytes(YEAR, smallCsv(), "a.csv").statusCode(202).extract().header("Location");
            uploadBytes(YEAR, smallCsv(), "b.csv").statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("import.department-busy")).body("errors[0].field", equalTo("file"))
                    .body("detail", equalTo("本单位已有一个导入在排队等待：请等当前的导入完成后再上传。"));

            // another department's import runs on the other worker instead of waiting for the held one
            String other = TestTokens.department(OTHER);
            String otherJob = as(other).multiPart("file", "c.csv", smallCsv(), "text/csv")
                    .post("/api/v1/budgets/" + OTHER + "/" + YEAR + "/imports").then().statusCode(202).extract()
                    .header("Location");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> List.of("SUCCEEDED", "FAILED").contains(state(other, otherJob)));
            assertEquals("SUCCEEDED", state(other, otherJob));
            assertEquals("RUNNING", state(ImportResourceTest.clerk(), running), "still held");
            held.rollback();
        }
        for (String job : List.of(running, waiting)) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> List.of("SUCCEEDED", "FAILED").contains(state(ImportResourceTest.clerk(), job)));
        }
        assertEquals("SUCCEEDED", state(ImportResourceTest.clerk(), waiting));
        // once the department's queue has room again it may import
        assertTrue(uploadBytes(YEAR, smallCsv(), "d.csv").extract().statusCode() == 202);
    }
}
