package io.jixiao.budget.imports;

import static io.jixiao.budget.imports.ImportResourceTest.as;
import static io.jixiao.budget.imports.ImportResourceTest.base;
import static io.jixiao.budget.imports.ImportResourceTest.clerk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import io.jixiao.budget.SmallLimits;
import io.jixiao.testing.Tier2;

/** The import queue's disk budget and the work folder's files, with a budget of 2,000 bytes (SmallLimits). */
@Tier2
@QuarkusTest
@TestProfile(SmallLimits.class)
class ImportLimitsTest {


    @Inject
    ImportService imports;

    static String csv(int lines, boolean valid) {
        StringBuilder csv = new StringBuilder("序号,支付日期,项目名称,经济分类/用途,支付方式,金额(元),摘要\r\n");
        for (int i = 1; i <= lines; i++) {
            csv.append(i).append(",2021-02-03,基本支出,办公费,单位自有,").append(valid ? "1.00" : "-1").append(",纸张\r\n");
        }
        return csv.toString();
    }

    static long files(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void anUploadOverTheDiskBudgetIs503WithRetryAfterAndLeavesNothing() throws Exception {
        int year = 2021;
        long before = files(imports.workDir());
        byte[] big = csv(60, true).getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > 2000);
        as(clerk()).header("Accept-Language", "en").multiPart("file", "明细.csv", big, "text/csv")
                .post(base(year) + "/imports").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "45").body("code", equalTo("import.disk-full"))
                .body("errors[0].field", equalTo("file"))
                .body("detail", equalTo("The server holds as many waiting import files as it may: retry in 45 seconds."));
        as(clerk()).get(base(year) + "/imports").then().statusCode(200).body("$", hasSize(0));
        assertEquals(before, files(imports.workDir()), "a refused upload is never copied");
        assertEquals(0, imports.queue().bytes());

        // within the budget: imported, and its file is gone afterwards; so is a failed one's
        JsonPath ok = ImportResourceTest.importAndWait(year, csv(3, true).getBytes(StandardCharsets.UTF_8), "明细.csv", "zh-CN");
        assertEquals("SUCCEEDED", ok.getString("state"), ok.prettify());
        JsonPath bad = ImportResourceTest.importAndWait(year, csv(3, false).getBytes(StandardCharsets.UTF_8), "明细.csv", "zh-CN");
        assertEquals("FAILED", bad.getString("state"), bad.prettify());
        assertEquals(before, files(imports.workDir()));
        assertEquals(0, imports.queue().bytes());
    }

    /** Files no import needs (a crash, a kill) are swept; a fresh one may be an upload in progress. */
    @Test
    void leftoverFilesAreSwept() throws Exception {
        Path stale = imports.workDir().resolve(UUID.randomUUID() + ".xlsx");
        Path fresh = imports.workDir().resolve(UUID.randomUUID() + ".csv");
        Files.writeString(stale, "left by a crash");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        Files.writeString(fresh, "being uploaded");
        try {
            imports.sweepFiles(Duration.ofMinutes(5));
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(fresh));
            imports.sweepFiles(Duration.ZERO); // what start-up does
            assertFalse(Files.exists(fresh));
        } finally {
            Files.deleteIfExists(fresh);
        }
    }
}
