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
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CheckResourceTest {

    static final String BROKEN = ReportCheckerTest.CLEAN.replace("节约 10.00 万元", "节约 10.01 万元");

    static io.restassured.response.ValidatableResponse upload(byte[] body) {
        return given().auth().oauth2(TestTokens.reviewer()).contentType("application/octet-stream").body(body)
                .post("/api/v1/checks").then();
    }

    @Test
    void textInUtf8OrGbkIsChecked() {
        upload(BROKEN.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("format", equalTo("text/utf-8"))
                .body("fatal", equalTo(1)).body("findings[0].rule", equalTo("variance.mismatch"))
                .body("findings[0].section", equalTo("二"));
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
}
