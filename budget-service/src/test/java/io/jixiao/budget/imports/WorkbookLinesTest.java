package io.jixiao.budget.imports;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import io.jixiao.testing.Tier2;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The 支出明细 of the year workbook read through PostgreSQL's COPY: a client that leaves mid-export leaves
 * no COPY running and no unread rows in a pooled connection, and the next export of the year is whole
 * (every line, the exact total).
 */
@Tier2
@QuarkusTest
class WorkbookLinesTest {

    static final int YEAR = 2046; // a year no other test of this JVM writes
    static final int LINES = 30_000;

    @Inject
    DataSource dataSource;

    @Inject
    io.jixiao.budget.service.SpendingLineExport exports;

    @Test
    void aClientThatLeavesEndsTheCopyAndTheNextExportIsWhole() throws Exception {
        insertLines();

        OutputStream hangsUp = LinesSheetXmlTest.hangsUpAfter(100_000);
        try (LinesSheetXml.Rendering lines = LinesSheetXml.render(dataSource, ImportResourceTest.D, YEAR, LinesSheetXmlTest.STYLES)) {
            assertThrows(IOException.class, () -> lines.writeTo(hangsUp));
        }
        // closing reads the rest of the COPY on the renderer's thread; then its connection is back in the pool
        // idle, and whoever borrows it next gets answers to their own statements (with unread COPY rows left in
        // it, the next query failed: "No results were returned by the query")
        await().atMost(Duration.ofSeconds(10)).until(() -> copiesRunning() == 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, copiesRunning());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LinesSheetXml.Rendering lines = LinesSheetXml.render(dataSource, ImportResourceTest.D, YEAR, LinesSheetXmlTest.STYLES)) {
            lines.writeTo(out);
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        assertEquals(LINES + 1, xml.split("<row ", -1).length - 1, "every line and the 合计 row");
        assertTrue(xml.contains("<c r=\"G30001\" t=\"inlineStr\"><is><t>第 30000 笔</t></is></c></row>"), "the last line, in order");
        assertTrue(xml.endsWith("<c r=\"F30002\" s=\"4\"><v>4500150.00</v></c></row>"), xml.substring(xml.length() - 200));
    }

    @Test
    void aCopyEndedEarlyLeavesItsConnectionReadyForTheNextStatement() throws Exception {
        insertLines();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(LinesSheetXml.copySql(ImportResourceTest.D, YEAR));
            for (int i = 0; i < 100; i++) {
                assertTrue(copy.readFromCopy() != null);
            }
            io.jixiao.budget.service.CopyStreams.dropRest(copy); // the client went away after 100 lines
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 42")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1), "the next statement's own answer");
            }
            c.rollback();
        }
    }

    @Test
    void theBureausExportEndedEarlyLeavesItsConnectionReadyForTheNextStatement() throws Exception {
        insertLines();
        io.jixiao.platform.security.Caller financeApi = new io.jixiao.platform.security.Caller("finance-api",
                java.util.Set.of(io.jixiao.platform.security.Roles.FINANCE_API), null);
        assertThrows(java.io.UncheckedIOException.class, () -> exports.export(financeApi, YEAR, ImportResourceTest.D, null, true,
                LinesSheetXmlTest.hangsUpAfter(100_000)));
        // the pool hands this thread the connection it gave back last: the export's
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1), "the next statement's own answer");
        }
    }

    /** The year's 30,000 lines, once per JVM (both tests read them, in either order). */
    private void insertLines() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from spending_line where department_id = '" + ImportResourceTest.D
                        + "' and fiscal_year = " + YEAR)) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // amounts 0.01, 0.02, … 300.00 元: their total is 0.01 × n(n+1)/2
            s.executeUpdate("insert into spending_line (department_id, fiscal_year, line_no, paid_on, project_id, economic_class,"
                    + " channel, amount, description) select '" + ImportResourceTest.D + "', " + YEAR + ", i, date '2046-01-01' + i % 365,"
                    + " null, '办公费', case when i % 4 = 0 then 'DIRECT' else 'OWN' end, i * 0.01, '第 ' || i || ' 笔'"
                    + " from generate_series(1, " + LINES + ") i");
        }
    }

    private long copiesRunning() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where state <> 'idle' and query like 'copy (select l.paid_on%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
