package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import io.jixiao.report.checker.ReportCheckerTest;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

@Tier2
@QuarkusTest
class CheckResourceTest {

    static final String BROKEN = ReportCheckerTest.CLEAN.replace("节约 10.00 万元", "节约 10.01 万元");

    static io.restassured.response.ValidatableResponse upload(byte[] body) {
        return given().auth().oauth2(TestTokens.reviewer()).contentType("application/octet-stream").body(body)
                .post("/api/v1/checks").then();
    }

    @Test
    void textInUtf8OrGbkIsChecked() {
        String utf8 = upload(BROKEN.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("format", equalTo("text/utf-8"))
                .body("fatal", equalTo(1)).body("findings[0].rule", equalTo("variance.mismatch"))
                .body("findings[0].section", equalTo("二")).extract().asString();
        // the answer is the contract's CheckResponse, field for field
        ContractAssert.assertMatches("CheckResponse", utf8);
        upload(BROKEN.getBytes(Charset.forName("GBK"))).statusCode(200).body("format", equalTo("text/gbk"))
                .body("findings.rule", hasItem("variance.mismatch"));
    }

    @Test
    void aDocxIsReadParagraphByParagraph() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : BROKEN.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        upload(out.toByteArray()).statusCode(200).body("format", equalTo("docx"))
                .body("findings.rule", hasItem("variance.mismatch"));
    }

    @Test
    void badUploadsGetAClearProblemNeverA500() {
        upload(new byte[0]).statusCode(400).contentType("application/problem+json").body("code", equalTo("upload.empty"));
        upload(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}).statusCode(400).body("code", equalTo("upload.docx-corrupt"));
        upload(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}).statusCode(415).body("code", equalTo("upload.ole2"));
        upload(new byte[] {1, 0, 2, 0}).statusCode(415).body("code", equalTo("upload.binary"));
        upload(new byte[11 * 1024 * 1024]).statusCode(413);
        upload("没有提纲的一段文字。".getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("findings[0].rule", equalTo("outline.unrecognised"));
        given().contentType("text/plain").body("x").post("/api/v1/checks").then().statusCode(401);
    }

    /** A .docx protected with a password is an OLE2 container (encrypted package): refused with how to fix it. */
    @Test
    void anEncryptedDocxIsRefusedClearly() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(BROKEN);
            doc.write(plain);
        }
        org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
        org.apache.poi.poifs.crypt.EncryptionInfo info = new org.apache.poi.poifs.crypt.EncryptionInfo(
                org.apache.poi.poifs.crypt.EncryptionMode.agile);
        org.apache.poi.poifs.crypt.Encryptor enc = info.getEncryptor();
        enc.confirmPassword("secret");
        try (java.io.OutputStream os = enc.getDataStream(fs)) {
            os.write(plain.toByteArray());
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        fs.close();
        upload(encrypted.toByteArray()).statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("upload.ole2")).body("errors[0].field", equalTo("file"))
                .body("detail", org.hamcrest.Matchers.containsString("设有密码"));
        given().auth().oauth2(TestTokens.reviewer()).header("Accept-Language", "en").contentType("application/octet-stream")
                .body(encrypted.toByteArray()).post("/api/v1/checks").then().statusCode(415)
                .body("detail", org.hamcrest.Matchers.containsString("password"));
    }

    @Test
    void moreBadUploadsNeverA500() throws Exception {
        // a ZIP that is not a Word document (e.g. a spreadsheet or an archive renamed to .docx)
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("not a report".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        upload(zip.toByteArray()).statusCode(400).body("code", equalTo("upload.docx-corrupt"));
        // a real .docx cut off half-way (a broken download)
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : BROKEN.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(docx);
        }
        byte[] cut = java.util.Arrays.copyOf(docx.toByteArray(), docx.size() / 2);
        upload(cut).statusCode(400).body("code", equalTo("upload.docx-corrupt"));
        // bytes that are neither UTF-8 nor GBK/GB18030 text
        upload(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, 0x41, (byte) 0xFF}).statusCode(415)
                .body("code", equalTo("upload.encoding"));
        // exactly at the limit is read; one byte over is refused
        byte[] atLimit = new byte[io.jixiao.report.service.UploadedReport.MAX_BYTES];
        java.util.Arrays.fill(atLimit, (byte) 'a');
        readWithinLimits(upload(atLimit));
        byte[] over = java.util.Arrays.copyOf(atLimit, atLimit.length + 1);
        upload(over).statusCode(413).body("code", equalTo("upload.too-large"));
        // a .docx without any recognisable outline: findings, not an error
        ByteArrayOutputStream noOutline = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("会议纪要：本周完成了三项工作。");
            doc.write(noOutline);
        }
        upload(noOutline.toByteArray()).statusCode(200).body("format", equalTo("docx"))
                .body("findings[0].rule", equalTo("outline.unrecognised"));
        // GBK text without an outline, and the sample-style GBK report with its figures
        upload("会议纪要，没有提纲。".getBytes(Charset.forName("GBK"))).statusCode(200).body("format", equalTo("text/gbk"))
                .body("findings[0].rule", equalTo("outline.unrecognised"));
    }

    // ------------------------------------------------------------------ bad input (issue 14)

    /** A scanned report: a .docx without any text. Refused with what to upload instead, in zh-CN and English. */
    @Test
    void aDocxWithoutTextIsRefusedClearly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph();
            doc.createParagraph().createRun().setText("   ");
            doc.write(out);
        }
        upload(out.toByteArray()).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("upload.no-text")).body("errors[0].field", equalTo("file"))
                .body("detail", org.hamcrest.Matchers.containsString("扫描件"));
        given().auth().oauth2(TestTokens.reviewer()).header("Accept-Language", "en").contentType("application/octet-stream")
                .body(out.toByteArray()).post("/api/v1/checks").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("no readable text"));
    }

    /** Tables only, a real Word table with staff over 编制, and Traditional characters: findings, never a 500. */
    @Test
    void tablesAndTraditionalTextAreChecked() throws Exception {
        ByteArrayOutputStream tableOnly = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            org.apache.poi.xwpf.usermodel.XWPFTable table = doc.createTable(2, 3);
            String[][] cells = {{"项目", "预算数", "实际数"}, {"办公费", "10.00", "9.50"}};
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            doc.write(tableOnly);
        }
        upload(tableOnly.toByteArray()).statusCode(200).body("format", equalTo("docx"))
                .body("findings[0].rule", equalTo("outline.unrecognised"))
                .body("findings[0].message", org.hamcrest.Matchers.containsString("只有表格"));

        ByteArrayOutputStream staffed = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("一、部门(单位)基本概况");
            org.apache.poi.xwpf.usermodel.XWPFTable table = doc.createTable(1, 4);
            String[] row = {"人员编制", "36", "实有人数", "38"};
            for (int c = 0; c < 4; c++) {
                table.getRow(0).getCell(c).setText(row[c]);
            }
            doc.write(staffed);
        }
        upload(staffed.toByteArray()).statusCode(200)
                .body("findings.find { it.rule == 'staff.over-authorized' }.excerpt", equalTo("人员编制\t36\t实有人数\t38"));

        String traditional = "一、單位基本情況\n本館編制數 12 人，年末實有在職在編 11 人。\n二、整體預算支出情況\n"
                + "本年度基本支出預算 200.00 萬元，實際支出 190.00 萬元，比預算節約 10.01 萬元。\n";
        upload(traditional.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("findings.rule", hasItem("text.traditional")).body("findings.rule", hasItem("variance.mismatch"));
    }

    // ------------------------------------------------------------------ limits (issue 12)

    static io.restassured.response.ValidatableResponse uploadAs(String token, byte[] body) {
        return given().auth().oauth2(token).contentType("application/octet-stream").body(body)
                .post("/api/v1/checks").then();
    }

    @Test
    void onlyDepartmentsAndReviewersMayCheck() {
        byte[] body = BROKEN.getBytes(StandardCharsets.UTF_8);
        uploadAs(TestTokens.department(TestTokens.SAMPLE_DEPT), body).statusCode(200)
                .body("findings.rule", hasItem("variance.mismatch"));
        uploadAs(TestTokens.financeApi(), body).statusCode(403).contentType("application/problem+json");
        uploadAs(TestTokens.token("admin-only", null, TestTokens.AUDIENCE, 600, "admin"), body).statusCode(403)
                .contentType("application/problem+json");
        uploadAs(TestTokens.token("no-role", null, TestTokens.AUDIENCE, 600), body).statusCode(403);
    }

    /** %test sets the burst to 100: a caller going on past it is refused, another caller is not. */
    @Test
    void aCallerOverItsRateGets429WithRetryAfter() {
        String token = TestTokens.token("check-burst", null, TestTokens.AUDIENCE, 600, "finance-reviewer");
        byte[] body = "没有提纲的一段文字。".getBytes(StandardCharsets.UTF_8);
        // the bucket refills 1 per second while the loop runs, so the refusal comes a few checks after the 100th
        int allowed = 0;
        io.restassured.response.Response r;
        while ((r = given().auth().oauth2(token).contentType("text/plain").body(body).post("/api/v1/checks"))
                .statusCode() == 200 && allowed < 200) {
            allowed++;
        }
        org.hamcrest.MatcherAssert.assertThat(allowed, org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.greaterThanOrEqualTo(100), org.hamcrest.Matchers.lessThan(200)));
        r.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("code", equalTo("check.rate-limited")).body("detail", org.hamcrest.Matchers.containsString("秒后重试"));
        uploadAs(TestTokens.token("check-other", null, TestTokens.AUDIENCE, 600, "department"), body).statusCode(200);
    }

    /** A declared length over the limit is answered at once: the server does not wait for (or buffer) the body. */
    @Test
    void aTooLargeContentLengthIsRefusedBeforeTheBody() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/checks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestTokens.reviewer()
                    + "\r\nContent-Type: text/plain\r\nAccept-Language: en\r\nContent-Length: " + (100L * 1024 * 1024)
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("一、".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            byte[] answer = new byte[4096];
            int n = socket.getInputStream().read(answer);
            String response = new String(answer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
            org.hamcrest.MatcherAssert.assertThat(response, org.hamcrest.Matchers.startsWith("HTTP/1.1 413"));
            org.hamcrest.MatcherAssert.assertThat(response, org.hamcrest.Matchers.containsString("application/problem+json"));
            org.hamcrest.MatcherAssert.assertThat(response, org.hamcrest.Matchers.containsString("\"field\":\"file\""));
            org.hamcrest.MatcherAssert.assertThat(response, org.hamcrest.Matchers.containsString("too large"));
        }
    }

    /** The worst cases of the issue answer (200, or 413 when one needs more than the time budget), never hang or 500. */
    @Test
    void hostileTextsAnswerWithinTheBudget() {
        byte[] digits = "1".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> readWithinLimits(upload(digits)));
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(3);
        while (text.length() < 3_300_000) { // 10 MB of UTF-8
            text.append(random.nextInt(40) == 0 ? '\n' : (char) ('\u4e50' + random.nextInt(500)));
        }
        byte[] big = text.toString().getBytes(StandardCharsets.UTF_8);
        io.restassured.response.Response r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> given().auth().oauth2(TestTokens.reviewer())
                        .contentType("application/octet-stream").body(big).post("/api/v1/checks"));
        if (r.statusCode() == 413) {
            r.then().contentType("application/problem+json").body("code", equalTo("check.too-complex"))
                    .body("errors[0].field", equalTo("file"));
        } else {
            // random characters are no report: one finding, not one per line
            r.then().statusCode(200).body("findings[0].rule", equalTo("outline.unrecognised"));
        }
        // a text with a finding on every line: the answer lists the first 1000 and says it is truncated
        StringBuilder cut = new StringBuilder("一、单位基本情况\n");
        for (int i = 0; i < 1500; i++) {
            cut.append("第").append(i).append("段：本段文字在句中被截断，没有结束标点\n");
        }
        upload(cut.toString().getBytes(StandardCharsets.UTF_8)).statusCode(200).body("truncated", equalTo(true))
                .body("findings.size()", equalTo(1000));
    }

    /**
     * A text within the size limit is read: 200 with its one finding, or, when a loaded machine needs more
     * than the time budget for it, 413 check.too-complex, never the size refusal (upload.too-large).
     */
    static void readWithinLimits(io.restassured.response.ValidatableResponse r) {
        io.restassured.response.Response answer = r.extract().response();
        if (answer.statusCode() == 413) {
            answer.then().contentType("application/problem+json").body("code", equalTo("check.too-complex"));
        } else {
            answer.then().statusCode(200).body("findings[0].rule", equalTo("outline.unrecognised"));
        }
    }

    /** A real .docx with its word/document.xml replaced. */
    static byte[] docxWithDocument(byte[] documentXml) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("一、单位基本情况");
            doc.write(plain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(plain.toByteArray()));
                java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                z.write(e.getName().equals("word/document.xml") ? documentXml : in.readAllBytes());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** An external entity is never resolved: the document is refused and the entity's URL is never fetched. */
    @Test
    void aDocxWithAnExternalEntityIsRefusedWithoutFetchingIt() throws Exception {
        try (java.net.ServerSocket trap = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "
                    + "\"http://127.0.0.1:" + trap.getLocalPort() + "/secret\"><!ENTITY file SYSTEM \"file:///etc/passwd\">]>"
                    + "<w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>&xxe;&file;</w:t></w:r></w:p></w:body></w:document>";
            upload(docxWithDocument(xml.getBytes(StandardCharsets.UTF_8))).statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("upload.docx-corrupt"))
                    .body("errors[0].field", equalTo("file"))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("root:")));
            trap.setSoTimeout(500);
            org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class, trap::accept,
                    "the server fetched the external entity");
        }
    }

    /** Unpacked size is bounded (XWPF holds document.xml as a DOM): 25 MB of text (digits 0–3) in about 7 MB of .docx. */
    @Test
    void aDocxThatUnpacksTooLargeIsRefused() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W
                + "\"><w:body>");
        java.util.Random random = new java.util.Random(5);
        while (xml.length() < 25_000_000) {
            xml.append("<w:p><w:r><w:t>");
            for (int i = 0; i < 2000; i++) {
                xml.append((char) ('0' + random.nextInt(4)));
            }
            xml.append("</w:t></w:r></w:p>");
        }
        xml.append("</w:body></w:document>");
        byte[] docx = docxWithDocument(xml.toString().getBytes(StandardCharsets.UTF_8));
        org.hamcrest.MatcherAssert.assertThat(docx.length, org.hamcrest.Matchers.lessThan(io.jixiao.report.service.UploadedReport.MAX_BYTES));
        given().auth().oauth2(TestTokens.reviewer()).header("Accept-Language", "en").contentType("application/octet-stream")
                .body(docx).post("/api/v1/checks").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("upload.docx-too-large")).body("errors[0].field", equalTo("file"))
                .body("detail", org.hamcrest.Matchers.containsString("20 MB"));
        // the zh-CN text of the same refusal
        upload(docx).statusCode(400).body("detail", org.hamcrest.Matchers.containsString("解压后的内容超过 20 MB"));
    }
}
