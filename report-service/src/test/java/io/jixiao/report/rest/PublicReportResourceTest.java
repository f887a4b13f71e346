package io.jixiao.report.rest;

import static io.jixiao.report.rest.FilingResourceTest.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.jixiao.platform.audit.AuditEntry;
import io.jixiao.report.assembly.DocumentText;
import io.jixiao.report.assembly.ReportFixtures;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.jixiao.testing.Tier2;

/**
 * 信息公开 on real PostgreSQL and Kafka: only an approved filing is published, as a snapshot without
 * personal data (JSON and PDF); unpublishing removes it from the public API at once; the public API
 * needs no login, exposes nothing else, is cacheable and limited per address.
 */
@Tier2
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the rate-limit test empties this address's bucket: last
class PublicReportResourceTest {

    static final String PUBLIC = "/api/v1/public/reports";
    /** What the department typed that identifies people: none of it may reach the public. */
    static final List<String> PERSONAL = List.of("张三丰", "李四海", "13812345678", "0731-88886666", "zhang.san@example.com",
            "430122198001011234", "139 0000 1111");

    /** A sheet whose profile (职能职责) carries a contact person, phone numbers, an e-mail and an ID number. */
    static void sheetWithContacts(String department, int year) {
        String sheet = ReportFixtures.sheet(department, year, 3, "6095300.00", "700300.00").replace(
                "\"duties\":[\"统筹全区政法工作\"", "\"duties\":[\"统筹全区政法工作（联系人：张三丰，电话 0731-88886666，"
                        + "手机 13812345678，邮箱 zhang.san@example.com，身份证号 430122198001011234）\"");
        assertTrue(sheet.contains("张三丰"));
        TopicReader.send("budget.events", department + ":" + year, """
                {"eventId":"%s","type":"BudgetFiguresChanged","schemaVersion":1,"occurredAt":"2026-11-25T10:00:00Z",
                 "departmentId":"%s","fiscalYear":%d,"actor":"jyj","payload":{"revision":3,"section":"basic","sheet":%s}}"""
                .formatted(UUID.randomUUID(), department, year, sheet));
        FilingResourceTest.score(department, year, 3, 7);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.reviewer())
                .get("/api/v1/reports/" + department + "/" + year).then().statusCode(200).body("scoreRevision", equalTo(3)));
    }

    static void submit(String department, int year, int filingVersion) {
        CompletableFuture<Void> locks = FilingResourceTest.confirmWhenSubmitted(department, year, filingVersion, 3, 7);
        as(TestTokens.department(department)).post("/api/v1/filings/" + department + "/" + year + "/submit").then()
                .statusCode(200).body("status", equalTo("SUBMITTED"));
        locks.join();
    }

    static void assertNoPersonalData(String text) {
        for (String p : PERSONAL) {
            assertFalse(text.contains(p), () -> "public text contains " + p);
        }
    }

    static long audits(String entityId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "entityType = ?1 and entityId = ?2 and field = ?3", "public-report", entityId, "status"));
    }

    @Test
    @Order(1)
    void onlyAnApprovedFilingIsPublishedWithoutPersonalDataAndUnpublishingRemovesItAtOnce() throws Exception {
        int year = 2013;
        String d = UUID.randomUUID().toString();
        String draftOnly = UUID.randomUUID().toString();
        String reviewer = TestTokens.reviewer();
        String clerk = TestTokens.department(d);
        String base = "/api/v1/publications/" + d + "/" + year;
        sheetWithContacts(d, year);
        sheetWithContacts(draftOnly, year);
        as(clerk).body("{\"goals\":\"目标明确。经办人：李四海，联系电话 139 0000 1111。\",\"achievements\":\"成效显著。\","
                + "\"problems\":[{\"text\":\"人员超编。\"}],\"measures\":[{\"text\":\"消化超编。\",\"problemRef\":1}]}")
                .put("/api/v1/reports/" + d + "/" + year + "/narrative").then().statusCode(200);

        // a draft cannot be published; the message says why in both languages
        as(reviewer).body("{}").post(base + "/publish").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("publication.not-approved.draft")).body("detail", containsString("审核通过"));
        as(reviewer).header("Accept-Language", "en").body("{}").post("/api/v1/publications/" + draftOnly + "/" + year + "/publish")
                .then().statusCode(409).body("detail", containsString("only an approved report"));

        // submitted, then returned: still not publishable, and nothing is public
        submit(d, year, 1);
        as(reviewer).body("{}").post(base + "/publish").then().statusCode(409).body("code", equalTo("publication.not-approved.submitted"));
        as(reviewer).body("{\"comment\":\"请补充\"}").post("/api/v1/filings/" + d + "/" + year + "/return").then().statusCode(200);
        as(reviewer).body("{}").post(base + "/publish").then().statusCode(409).body("code", equalTo("publication.not-approved.returned"));
        given().get(PUBLIC + "?year=" + year).then().statusCode(200).body("$", hasSize(0));
        as(reviewer).get("/api/v1/publications?fiscalYear=" + year).then().statusCode(200).body("$", hasSize(0));

        submit(d, year, 2);
        as(reviewer).body("{}").post("/api/v1/filings/" + d + "/" + year + "/approve").then().statusCode(200);

        // reviewers only
        as(clerk).body("{}").post(base + "/publish").then().statusCode(403).body("code", equalTo("publication.reviewer-only"));
        as(clerk).get("/api/v1/publications?fiscalYear=" + year).then().statusCode(403);

        String published = as(reviewer).body("{\"version\":null}").post(base + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("filingVersion", equalTo(2)).body("grade", equalTo("中"))
                .body("version", equalTo(0)).body("unpublishedAt", nullValue()).extract().asString();
        ContractAssert.assertMatches("Publication", published);
        int id = io.restassured.path.json.JsonPath.from(published).getInt("id");
        assertEquals(1, audits(d + ":" + year));
        as(reviewer).body("{\"version\":0}").post(base + "/publish").then().statusCode(409)
                .body("code", equalTo("publication.already-published"));

        // the public list and the report: no login, no department id, no personal data, cacheable
        Response list = given().get(PUBLIC + "?year=" + year);
        list.then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id)).body("[0].fiscalYear", equalTo(year))
                .body("[0].grade", equalTo("中")).body("[0].total", equalTo(72.5f)).body("[0].departmentId", equalTo(null))
                .body("[0].pdfUrl", equalTo(PUBLIC + "/" + id + "/pdf")).body("[0].publishedAt", notNullValue())
                .header("Cache-Control", containsString("public")).header("Cache-Control", containsString("max-age="));
        ContractAssert.assertEachMatches("PublicEntry", list.asString());
        String etag = list.header("ETag");
        given().header("If-None-Match", etag).get(PUBLIC + "?year=" + year).then().statusCode(304);
        given().get(PUBLIC).then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));

        String json = given().get(PUBLIC + "/" + id).then().statusCode(200).header("Cache-Control", containsString("public"))
                .body("report.title", containsString(year + " 年度")).body("grade", equalTo("中"))
                .body("report.projects", hasSize(6)).extract().asString();
        assertNoPersonalData(json);
        ContractAssert.assertMatches("PublicReport", json);
        assertTrue(json.contains("统筹全区政法工作") && json.contains("〔已隐去〕"), json);
        assertFalse(json.contains(d), "the department id is not public");
        byte[] pdf = given().get(PUBLIC + "/" + id + "/pdf").then().statusCode(200).contentType("application/pdf")
                .header("Cache-Control", containsString("public")).extract().asByteArray();
        String pdfText = DocumentText.squash(DocumentText.pdf(pdf));
        assertTrue(pdfText.contains(DocumentText.squash("统筹全区政法工作")), pdfText);
        for (String p : PERSONAL) {
            assertFalse(pdfText.contains(DocumentText.squash(p)), () -> "public PDF contains " + p);
        }

        // unpublish: on the version read; gone from the public API at once (404 like a report never published)
        as(reviewer).body("{\"version\":5}").post(base + "/unpublish").then().statusCode(409).body("code", equalTo("version.conflict"));
        as(clerk).body("{\"version\":0}").post(base + "/unpublish").then().statusCode(403);
        ContractAssert.assertMatches("Publication", as(reviewer).body("{\"version\":0}").post(base + "/unpublish").then()
                .statusCode(200).body("status", equalTo("UNPUBLISHED")).body("unpublishedBy", equalTo("reviewer"))
                .body("version", equalTo(1)).extract().asString());
        assertEquals(2, audits(d + ":" + year));
        given().get(PUBLIC + "?year=" + year).then().statusCode(200).body("$", hasSize(0));
        given().header("If-None-Match", etag).get(PUBLIC + "?year=" + year).then().statusCode(200);
        given().get(PUBLIC + "/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("publication.not-found"));
        given().get(PUBLIC + "/" + id + "/pdf").then().statusCode(404);
        as(reviewer).body("{\"version\":1}").post(base + "/unpublish").then().statusCode(409)
                .body("code", equalTo("publication.not-published"));

        // published again: a new snapshot on the next version, public again under the same id
        as(reviewer).body("{\"version\":1}").post(base + "/publish").then().statusCode(200).body("version", equalTo(2))
                .body("id", equalTo(id));
        given().get(PUBLIC + "?year=" + year).then().body("$", hasSize(1));
        assertEquals(3, audits(d + ":" + year));
        ContractAssert.assertEachMatches("Publication", as(reviewer).get("/api/v1/publications?fiscalYear=" + year).then()
                .statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("PUBLISHED"))
                .body("[0].departmentId", equalTo(d)).extract().asString());
    }

    @Test
    @Order(2)
    void thePublicPathsExposeNothingElseAndEveryOtherPathStillNeedsALogin() {
        // only GET of the public reports is open; writes and other paths under it are not served
        given().contentType("application/json").body("{}").post(PUBLIC).then().statusCode(not(equalTo(200)));
        given().get(PUBLIC + "/1/content").then().statusCode(not(equalTo(200)));
        given().get(PUBLIC + "?departmentId=" + TestTokens.SAMPLE_DEPT).then().statusCode(400)
                .body("errors[0].field", equalTo("departmentId"));
        // every other path: 401 without a token
        for (String path : List.of("/api/v1/publications?fiscalYear=2013", "/api/v1/rounds", "/api/v1/notices",
                "/api/v1/reports/" + TestTokens.SAMPLE_DEPT + "/2013", "/api/v1/filings/" + TestTokens.SAMPLE_DEPT + "/2013")) {
            given().get(path).then().statusCode(401);
        }
        given().contentType("application/json").body("{}").post("/api/v1/publications/" + TestTokens.SAMPLE_DEPT + "/2013/publish")
                .then().statusCode(401);
    }

    @Test
    @Order(3)
    void anAddressOverThePublicRateGets429WithRetryAfter() {
        // the public bucket (test profile: 40 in a burst, 1 per second) is per address, whoever asks
        Response limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Response r = given().get(PUBLIC + "?year=1999");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                r.then().statusCode(200);
            }
        }
        assertTrue(limited != null, "no 429 within 200 requests");
        limited.then().contentType("application/problem+json").body("code", equalTo("publication.rate-limited"))
                .header("Retry-After", notNullValue());
        // other paths keep their own limits
        as(TestTokens.reviewer()).get("/api/v1/rounds").then().statusCode(200);
    }
}
