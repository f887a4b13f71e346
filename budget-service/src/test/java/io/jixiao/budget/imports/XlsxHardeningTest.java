package io.jixiao.budget.imports;

import static io.jixiao.budget.imports.ImportResourceTest.as;
import static io.jixiao.budget.imports.ImportResourceTest.base;
import static io.jixiao.budget.imports.ImportResourceTest.clerk;
import static io.jixiao.budget.imports.ImportResourceTest.row;
import static io.jixiao.budget.imports.ImportResourceTest.rows;
import static io.jixiao.budget.imports.ImportResourceTest.uploadBytes;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.jixiao.testing.Tier2;

/** Hostile workbooks: a DOCTYPE (XXE), parts that unpack too large. Each is a clear problem, never an internal error. */
@Tier2
@QuarkusTest
class XlsxHardeningTest {

    static final int YEAR = 2025; // no other test uses it; nothing here is saved

    static Path workbook() throws Exception {
        return TestWorkbooks.xlsx(new TestWorkbooks.SheetData("支出明细", rows(TestWorkbooks.LINE_HEADER,
                row("1", "2025-02-03", "基本支出", "办公费", "单位自有", "1.00", "纸张"))));
    }

    /** The workbook with one part's text changed, or (extra != null) with one more part written by extra. */
    static byte[] rewrite(Path xlsx, String part, UnaryOperator<String> change, ExtraPart extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx)); ZipOutputStream z = new ZipOutputStream(out)) {
            // The fastest deflate: the bombs below are up to 201 MB, and at the default level compressing them took
            // seconds of the test JVM's CPU. The server reads any level the same way.
            z.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (extra != null && e.getName().equals(part)) {
                    continue;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                z.write(e.getName().equals(part) ? change.apply(new String(bytes, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8) : bytes);
                z.closeEntry();
            }
            if (extra != null) {
                z.putNextEntry(new ZipEntry(part));
                extra.write(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    interface ExtraPart {
        void write(ZipOutputStream z) throws IOException;
    }

    static String withDoctype(String xml, int port) {
        int end = xml.indexOf("?>") + 2;
        return xml.substring(0, end) + "<!DOCTYPE x SYSTEM \"http://127.0.0.1:" + port + "/dtd\">" + xml.substring(end);
    }

    static void assertNotFetched(ServerSocket trap) throws IOException {
        trap.setSoTimeout(500);
        assertThrows(SocketTimeoutException.class, trap::accept, "the server fetched the external DTD");
    }

    @Test
    void aDoctypeInTheWorkbookIsRefusedAtOnceWithoutFetchingIt() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            byte[] bytes = rewrite(workbook(), "xl/workbook.xml", x -> withDoctype(x, trap.getLocalPort()), null);
            uploadBytes(YEAR, bytes, "xxe.xlsx").statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("import.xlsx-corrupt")).body("errors[0].field", equalTo("file"));
            assertNotFetched(trap);
        }
    }

    /** In a sheet the DOCTYPE is met by the job: it fails with the same problem, not "internal error". */
    @Test
    void aDoctypeInASheetFailsTheJobWithoutFetchingIt() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            byte[] bytes = rewrite(workbook(), "xl/worksheets/sheet1.xml", x -> withDoctype(x, trap.getLocalPort()), null);
            JsonPath job = ImportResourceTest.importAndWait(YEAR, bytes, "xxe.xlsx", "en");
            assertEquals("FAILED", job.getString("state"), job.prettify());
            assertEquals("import.xlsx-corrupt", job.getString("failure.code"), job.prettify());
            assertNotFetched(trap);
        }
    }

    /** A part that says it unpacks to 201 MB (a bomb of spaces) is refused before any job. */
    @Test
    void aPartDeclaredOverTheEntryLimitIsRefusedAtOnce() throws Exception {
        byte[] bytes = rewrite(workbook(), "xl/worksheets/sheet2.xml", null, z -> {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 201; i++) {
                z.write(spaces);
            }
        });
        as(clerk()).header("Accept-Language", "en").multiPart("file", "bomb.xlsx", bytes, "application/octet-stream")
                .post(base(YEAR) + "/imports").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("import.xlsx-too-large")).body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("Too large when unpacked."));
    }

    /**
     * A bomb whose ZIP headers understate its size (found by the fault suite's files row: 1.1 GB of zeros
     * declared as 1,000 bytes passed the declared-size check and became a job). No deflate stream is
     * larger than what it unpacks to (plus a few bytes per block), so a part whose compressed size exceeds
     * its declared size lies: refused at once, no job.
     */
    @Test
    void aPartWhoseHeadersUnderstateItsSizeIsRefusedAtOnce() throws Exception {
        String part = "xl/worksheets/sheet2.xml";
        byte[] bytes = rewrite(workbook(), part, null, z -> {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 30; i++) {
                z.write(zeros);
            }
        });
        declareSize(bytes, part, 1000);
        as(clerk()).header("Accept-Language", "en").multiPart("file", "lying.xlsx", bytes, "application/octet-stream")
                .post(base(YEAR) + "/imports").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("import.xlsx-corrupt")).body("errors[0].field", equalTo("file"));
    }

    /** Rewrites the uncompressed size of a part in the ZIP's central directory (what ZipFile reads). */
    static void declareSize(byte[] zip, String part, int size) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] name = part.getBytes(StandardCharsets.UTF_8);
        for (int pos = 0; pos + 46 < zip.length; pos++) {
            if (b.getInt(pos) == 0x02014b50 && b.getShort(pos + 28) == name.length
                    && java.util.Arrays.equals(zip, pos + 46, pos + 46 + name.length, name, 0, name.length)) {
                b.putInt(pos + 24, size);
                return;
            }
        }
        throw new AssertionError("no central directory entry " + part);
    }

    /** Shared strings are held in memory, so their XML is capped (40 MB): 41 MB of them fail the job clearly. */
    @Test
    void sharedStringsOverTheirCapFailTheJob() throws Exception {
        byte[] bytes = rewrite(workbook(), "xl/sharedStrings.xml", null, z -> {
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\">").getBytes(StandardCharsets.UTF_8));
            Random random = new Random(9);
            byte[] chunk = new byte[1000];
            for (long written = 0; written < 41L * 1024 * 1024; written += chunk.length + 14) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) ('0' + random.nextInt(4));
                }
                z.write("<si><t>".getBytes(StandardCharsets.UTF_8));
                z.write(chunk);
                z.write("</t></si>".getBytes(StandardCharsets.UTF_8));
            }
            z.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });
        JsonPath job = ImportResourceTest.importAndWait(YEAR, bytes, "strings.xlsx", "zh-CN");
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertEquals("import.xlsx-too-large", job.getString("failure.code"), job.prettify());
    }

}
