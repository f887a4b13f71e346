package io.jixiao.budget.imports;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * The bureau's streamed export of every 支出明细 of a year (COPY TO STDOUT): every line once, amounts
 * exact, text with quotes, commas, line breaks and formula starts intact in NDJSON and guarded in CSV,
 * a department limited to its own lines, updatedSince honoured.
 */
@Tier2
@QuarkusTest
class SpendingLineExportTest {

    static final int YEAR = 2020; // ImportResourceTest's department; no other test writes its 2020
    static final String URL = "/api/v1/budgets/spending-lines";

    @Test
    void everyLineOnceInBothFormatsScopedAndGuarded() throws Exception {
        String csv = "序号,支付日期,项目名称,经济分类/用途,支付方式,金额(元),摘要\r\n"
                + "1,2020-02-03,基本支出,办公费,单位自有,1280.00,打印纸\r\n"
                + "2,2020-03-04,基本支出,差旅费,财政直接支付,0.01,\"=HYPERLINK(\"\"x\"\")\"\r\n"
                + "3,2020-04-05,基本支出,印刷费,单位自有,99999999.99,\"第一行,逗号\n@第二行 \"\"引号\"\"\"\r\n";
        io.restassured.path.json.JsonPath job = ImportResourceTest.importAndWait(YEAR, csv.getBytes(StandardCharsets.UTF_8),
                "lines.csv", "zh-CN");
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        String dept = ImportResourceTest.D;

        // NDJSON, as the bureau: our three lines among the year's, text exactly as saved
        String ndjson = as(TestTokens.financeApi()).queryParam("fiscalYear", YEAR).queryParam("departmentId", dept)
                .get(URL).then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = Arrays.stream(ndjson.split("\n")).filter(l -> !l.isEmpty()).map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertEquals(3, lines.size(), ndjson);
        assertEquals("1280.00", lines.get(0).get("amount").asText());
        assertEquals("0.01", lines.get(1).get("amount").asText());
        assertEquals("99999999.99", lines.get(2).get("amount").asText());
        assertEquals("=HYPERLINK(\"x\")", lines.get(1).get("description").asText());
        assertEquals("第一行,逗号\n@第二行 \"引号\"", lines.get(2).get("description").asText());
        assertEquals("DIRECT", lines.get(1).get("channel").asText());
        assertEquals("BASIC", lines.get(0).get("line").asText());

        // CSV: BOM, header, formula starts guarded (also after a line break), quoting intact
        byte[] bytes = as(TestTokens.reviewer()).queryParam("fiscalYear", YEAR).queryParam("departmentId", dept)
                .queryParam("format", "csv").get(URL).then().statusCode(200).extract().asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF单位编码,单位名称,年度,序号,支付日期"), text);
        assertTrue(text.contains(",2020-02-03,基本支出,,办公费,单位自有,1280.00,打印纸\n"), text);
        assertTrue(text.contains(",0.01,\"'=HYPERLINK(\"\"x\"\")\"\n"), text);
        assertTrue(text.contains(",99999999.99,\"第一行,逗号\n'@第二行 \"\"引号\"\"\"\n"), text);

        // the whole district's year holds them too; a department gets its own lines only
        String all = as(TestTokens.reviewer()).queryParam("fiscalYear", YEAR).get(URL).then().statusCode(200).extract().asString();
        assertTrue(all.contains("\"departmentId\" : \"" + dept + "\"") || all.contains("\"departmentId\":\"" + dept + "\""), all);
        String own = as(ImportResourceTest.clerk()).queryParam("fiscalYear", YEAR).get(URL).then().statusCode(200)
                .extract().asString();
        assertEquals(3, own.lines().count());
        as(TestTokens.department(TestTokens.SAMPLE_DEPT)).queryParam("fiscalYear", YEAR).queryParam("departmentId", dept)
                .get(URL).then().statusCode(403);
        String others = as(TestTokens.department(TestTokens.SAMPLE_DEPT)).queryParam("fiscalYear", YEAR).get(URL)
                .then().statusCode(200).extract().asString();
        assertTrue(!others.contains(dept), others);

        // updatedSince after the import: nothing; before it: the lines
        as(TestTokens.financeApi()).queryParam("fiscalYear", YEAR).queryParam("departmentId", dept)
                .queryParam("updatedSince", "2999-01-01").get(URL).then().statusCode(200)
                .body(org.hamcrest.Matchers.emptyString());
        String since = as(TestTokens.financeApi()).queryParam("fiscalYear", YEAR).queryParam("departmentId", dept)
                .queryParam("updatedSince", "2000-01-01").get(URL).then().statusCode(200).extract().asString();
        assertEquals(3, since.lines().count());

        as(TestTokens.financeApi()).queryParam("fiscalYear", YEAR).queryParam("format", "xml").get(URL).then().statusCode(400);
        as(TestTokens.financeApi()).get(URL).then().statusCode(400);
        as(TestTokens.financeApi()).queryParam("fiscalYear", YEAR).queryParam("departmentId", "x' or '1'='1").get(URL)
                .then().statusCode(404);
    }
}
