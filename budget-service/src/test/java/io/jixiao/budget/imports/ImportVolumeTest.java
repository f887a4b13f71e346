package io.jixiao.budget.imports;

import static io.jixiao.budget.imports.ImportResourceTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/**
 * Volume: 100,000 支出明细 imported in one job, exported back to XLSX, and the bureau's NDJSON/CSV
 * export rate. The test JVM (service and test together) runs with -Xmx512m, the heap up.sh gives
 * the service; times and peak heap are printed.
 */
@Tier2
@QuarkusTest
class ImportVolumeTest {

    static final String D = ImportResourceTest.D;
    static final int YEAR = 2026; // no other test writes 司法局's figures of this year

    @Inject
    DataSource dataSource;

    @Test
    void oneHundredThousandSpendingLinesImportWithinTheServiceHeap() throws Exception {
        int lines = 100_000;
        long t0 = System.nanoTime();
        Path file = TestWorkbooks.largeLines(YEAR, lines);
        long generated = System.nanoTime();
        System.out.printf("VOLUME: generated %,d-line XLSX (%,d bytes) in %.1f s%n", lines, Files.size(file),
                (generated - t0) / 1e9);
        resetPeaks();
        long start = System.nanoTime();
        JsonPath job = ImportResourceTest.importAndWait(YEAR, Files.readAllBytes(file), "100k.xlsx", "zh-CN");
        long took = System.nanoTime() - start;
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(lines, job.getInt("summary.linesSaved"));
        long cents = 0;
        for (int i = 1; i <= lines; i++) {
            cents += TestWorkbooks.amountCents(i);
        }
        String expected = BigDecimal.valueOf(cents, 2).toPlainString();
        assertEquals(expected, job.getString("summary.linesTotal"));
        System.out.printf("VOLUME: import of %,d lines (upload → SUCCEEDED) took %.1f s; max heap %d MB, peak heap used %d MB%n",
                lines, took / 1e9, Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeapMb());
        assertTrue(Runtime.getRuntime().maxMemory() <= 512L * 1024 * 1024 + 64L * 1024 * 1024, "runs with -Xmx512m");

        String base = "/api/v1/budgets/" + D + "/" + (YEAR);
        JsonPath sheet = as(ImportResourceTest.clerk()).get(base).then().statusCode(200).extract().jsonPath();
        assertEquals(lines, sheet.getInt("spending.lines"));
        assertEquals(expected, sheet.getString("spending.total"));

        // the export streams the 100,000 lines back; counted with the same SAX reader
        resetPeaks();
        long e0 = System.nanoTime();
        byte[] xlsx = as(ImportResourceTest.clerk()).get(base + "/workbook").then().statusCode(200).extract().asByteArray();
        long exportTook = System.nanoTime() - e0;
        Path out = Files.createTempFile("export-", ".xlsx");
        Files.write(out, xlsx);
        AtomicInteger rows = new AtomicInteger();
        SheetRows.readXlsx(out, "支出明细", r -> {
            rows.incrementAndGet();
            return true;
        });
        assertEquals(lines + 2, rows.get(), "header, the lines, 合计");
        System.out.printf("VOLUME: XLSX export of %,d lines: %,d bytes in %.1f s; peak heap used %d MB%n", lines,
                xlsx.length, exportTook / 1e9, peakHeapMb());
    }

    /** The bureau's export of a year with 200,000 budget lines: NDJSON and CSV rows per second. */
    @Test
    void theYearExportStreamsManyLinesAndItsRateIsMeasured() throws Exception {
        int year = 2017; // a year no other test writes: only these rows are in it
        String[] depts = {"d0000000-0000-4000-8000-000000000003", "d0000000-0000-4000-8000-000000000004",
                "d0000000-0000-4000-8000-000000000005", "d0000000-0000-4000-8000-000000000006"};
        int perDept = 50_000;
        try (Connection c = dataSource.getConnection()) {
            for (String d : depts) {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into project (department_id, fiscal_year, name, budget, adjustment, actual_own, actual_direct,
                                             key_project, version, updated_at, updated_by)
                        select ?, ?, '项目 ' || g, 1000.00 + g, 0, 900.00 + g, 50.00, g % 10 = 0, 0, now(), 'volume-test'
                        from generate_series(1, ?) g""")) {
                    ps.setString(1, d);
                    ps.setInt(2, year);
                    ps.setInt(3, perDept);
                    ps.executeUpdate();
                }
            }
        }
        try {
            int total = depts.length * perDept;
            for (String format : new String[] {"ndjson", "csv"}) {
                resetPeaks();
                long t0 = System.nanoTime();
                // read as a client would, streamed (RestAssured would hold the whole body in the test's heap)
                java.net.http.HttpResponse<InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                                + io.restassured.RestAssured.port + "/api/v1/budgets/export?fiscalYear=" + year
                                + "&format=" + format)).header("Authorization", "Bearer " + TestTokens.financeApi()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                InputStream body = response.body();
                long n = 0;
                byte[] buf = new byte[64 * 1024];
                int read;
                long bytes = 0;
                while ((read = body.read(buf)) > 0) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buf[i] == '\n') {
                            n++;
                        }
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long dataLines = "csv".equals(format) ? n - 1 : n;
                assertEquals(total, dataLines, format);
                System.out.printf("EXPORT RATE: %s %,d lines, %,d bytes in %.2f s = %,.0f rows/s; peak heap used %d MB%n",
                        format, dataLines, bytes, seconds, dataLines / seconds, peakHeapMb());
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from project where fiscal_year = " + year + " and updated_by = 'volume-test'");
            }
        }
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }
}
