package io.jixiao.report.rest;

import static io.jixiao.report.rest.FilingResourceTest.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.audit.AuditEntry;
import io.jixiao.report.service.SeasonRules;
import io.jixiao.report.service.NoticeService;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/** 年度自评工作 on real PostgreSQL and Kafka: open, progress, notices, overdue, extension, close. */
@Tier2
@QuarkusTest
class RoundResourceTest {

    static final String D = TestTokens.OTHER_DEPT;
    static final String OTHER = TestTokens.SAMPLE_DEPT;

    @Inject
    NoticeService notices;

    static String open(int year, String district, LocalDate deadline, String... departments) {
        return """
                {"fiscalYear":%d,"district":"%s","deadline":"%s","templateVersion":1,"departmentIds":[%s]}"""
                .formatted(year, district, deadline, departments.length == 0 ? ""
                        : "\"" + String.join("\",\"", departments) + "\"");
    }

    static void figures(String department, int year) {
        FilingResourceTest.sheet(department, year, 3, "6095300.00");
        FilingResourceTest.score(department, year, 3, 7);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.department(department))
                .get("/api/v1/reports/" + department + "/" + year).then().statusCode(200).body("scoreRevision", equalTo(3)));
    }

    /** A department onboarded in {@code district}: its sheet as budget-service publishes it, once the read model holds it. */
    static void districtSheet(String department, int year, String district) {
        TopicReader.send("budget.events", department + ":" + year, """
                {"eventId":"%s","type":"BudgetFiguresChanged","schemaVersion":1,"occurredAt":"2026-11-25T10:00:00Z",
                 "departmentId":"%s","fiscalYear":%d,"actor":"jyj","payload":{"revision":1,"section":"basic","sheet":%s}}"""
                .formatted(java.util.UUID.randomUUID(), department, year, io.jixiao.report.assembly.ReportFixtures
                        .sheet(department, year, 1, "6095300.00", "700300.00")
                        .replace("\"jurisdiction\":\"望城区\"", "\"jurisdiction\":\"" + district + "\"")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.reviewer())
                .get("/api/v1/reports/" + department + "/" + year).then().statusCode(200));
    }

    @Test
    void theDefaultListIsTheOnboardedDepartmentsOfTheDistrictChosenFromTheKnownOnes() {
        int year = 2016;
        String a = java.util.UUID.randomUUID().toString();
        String b = java.util.UUID.randomUUID().toString();
        String elsewhere = java.util.UUID.randomUUID().toString();
        districtSheet(a, year, "岳麓区");
        districtSheet(b, year - 1, "岳麓区");
        districtSheet(elsewhere, year, "天心区");
        String reviewer = TestTokens.reviewer();
        LocalDate deadline = SeasonRules.today().plusDays(30);
        String noList = """
                {"fiscalYear":%d,"district":"%s","deadline":"%s","templateVersion":1}""";

        // the known districts are offered to reviewers only, each with its onboarded departments
        as(TestTokens.department(D)).get("/api/v1/rounds/districts").then().statusCode(403);
        ContractAssert.assertEachMatches("District", as(reviewer).get("/api/v1/rounds/districts").then().statusCode(200)
                .body("find { it.name == '岳麓区' }.departments", equalTo(2))
                .body("find { it.name == '天心区' }.departments", equalTo(1))
                .body("name", hasItem("望城区")).extract().asString());

        // an unknown district is refused with its field; nothing is stored
        as(reviewer).header("Accept-Language", "en").body(noList.formatted(year, "无此区", deadline)).post("/api/v1/rounds")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("round.district-unknown"))
                .body("errors[0].field", equalTo("district")).body("errors[0].message", containsString("known districts"));
        as(reviewer).body(noList.formatted(year, "无此区", deadline)).post("/api/v1/rounds").then().statusCode(422)
                .body("errors[0].message", containsString("区县"));
        as(reviewer).get("/api/v1/rounds?fiscalYear=" + year).then().statusCode(200).body("$", hasSize(0));

        // without a list: the district's departments only (whatever year their figures are of), not 天心区's
        as(reviewer).body(noList.formatted(year, "岳麓区", deadline)).post("/api/v1/rounds").then().statusCode(201)
                .body("district", equalTo("岳麓区")).body("departments", hasSize(2))
                .body("departments.departmentId", org.hamcrest.Matchers.containsInAnyOrder(a, b));
    }

    static long audits(String entityType, String entityId, String field) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "entityType = ?1 and entityId = ?2 and field = ?3", entityType, entityId, field));
    }

    @Test
    void aRoundFromOpeningToCloseWithProgressNoticesExtensionAndFrozenList() {
        int year = 2025;
        figures(D, year);
        LocalDate today = SeasonRules.today();
        LocalDate deadline = today.plusDays(10);
        String reviewer = TestTokens.reviewer();
        String clerk = TestTokens.department(D);

        // reviewers only; bad input names its field; nothing is stored
        as(clerk).body(open(year, "望城区", deadline, D)).post("/api/v1/rounds").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("round.reviewer-only"));
        as(reviewer).body(open(year, "望城区", LocalDate.of(year, 12, 1), D)).post("/api/v1/rounds").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("deadline"));
        as(reviewer).header("Accept-Language", "en").body(open(year, "望城区", deadline, D, "no-such-department"))
                .post("/api/v1/rounds").then().statusCode(400).body("errors[0].field", equalTo("departmentIds[1]"))
                .body("errors[0].message", containsString("No figures"));
        as(reviewer).get("/api/v1/rounds?fiscalYear=" + year).then().statusCode(200).body("$", hasSize(0));

        String opened = as(reviewer).body(open(year, "望城区", deadline, D)).post("/api/v1/rounds").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("departments", hasSize(1))
                .body("departments[0].progress", equalTo("IN_PROGRESS")).body("departments[0].daysLeft", equalTo(10))
                .body("counts.IN_PROGRESS", equalTo(1)).body("closedAt", nullValue()).extract().asString();
        // the round as the contract's Round (bureau: the counts; no extension, not closed)
        ContractAssert.assertMatches("Round", opened);
        int id = io.restassured.path.json.JsonPath.from(opened).getInt("id");
        String url = "/api/v1/rounds/" + id;
        assertEquals(1, audits("season-round", String.valueOf(id), "status"));
        as(reviewer).body(open(year, "望城区", deadline, D)).post("/api/v1/rounds").then().statusCode(409)
                .body("code", equalTo("round.exists"));
        // a department of another 区县 is not taken into this one's round
        districtSheet(java.util.UUID.randomUUID().toString(), year, "另一区");
        as(reviewer).body(open(year, "另一区", deadline, D)).post("/api/v1/rounds").then().statusCode(400)
                .body("errors[0].field", equalTo("departmentIds[0]")).body("errors[0].message", containsString("另一区"));

        // the department sees its round with its own row only; another department learns nothing of it
        ContractAssert.assertEachMatches("Round", as(clerk).get("/api/v1/rounds").then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == " + id + " }.departments", hasSize(1))
                .body("find { it.id == " + id + " }.counts", nullValue()).extract().asString());
        as(TestTokens.department(OTHER)).get(url).then().statusCode(404).body("code", equalTo("round.not-found"));

        // OPENED goes out as an event and a notice; the reminders once each, 7 days and 1 day before
        String openedEvent = TopicReader.await("report.events", v -> v.contains("\"RoundNotice\"") && v.contains(D)
                && v.contains("\"OPENED\"") && v.contains("\"roundId\":" + id), Duration.ofSeconds(30)).get(0).value();
        SchemaAssert.assertValid(java.nio.file.Path.of("src/main/resources/schemas/RoundNotice.v1.json"), openedEvent);
        org.junit.jupiter.api.Assertions.assertTrue(notices.remind(deadline.minusDays(7)) >= 1);
        assertEquals(0, countNotices(clerk, id, "DUE_1"));
        notices.remind(deadline.minusDays(7));
        notices.remind(deadline.minusDays(1));
        notices.remind(deadline.minusDays(1));
        assertEquals(1, countNotices(clerk, id, "OPENED"));
        assertEquals(1, countNotices(clerk, id, "DUE_7"));
        assertEquals(1, countNotices(clerk, id, "DUE_1"));
        as(TestTokens.department(OTHER)).get("/api/v1/notices").then().statusCode(200)
                .body("roundId", org.hamcrest.Matchers.not(hasItem(id)));
        long noticeId = ((Number) as(clerk).get("/api/v1/notices").then().extract().path("find { it.kind == 'DUE_1' }.id")).longValue();
        as(TestTokens.department(OTHER)).post("/api/v1/notices/" + noticeId + "/read").then().statusCode(404);
        as(clerk).post("/api/v1/notices/" + noticeId + "/read").then().statusCode(204);
        as(clerk).get("/api/v1/notices").then().body("find { it.id == " + noticeId + " }.readAt", org.hamcrest.Matchers.notNullValue());

        // submit → SUBMITTED; a return notifies the department
        as(clerk).body("{\"goals\":\"目标明确。\",\"achievements\":\"成效显著。\",\"problems\":[{\"text\":\"人员超编。\"}],"
                + "\"measures\":[{\"text\":\"消化超编。\",\"problemRef\":1}]}").put("/api/v1/reports/" + D + "/" + year + "/narrative")
                .then().statusCode(200);
        CompletableFuture<Void> locks = FilingResourceTest.confirmWhenSubmitted(D, year, 1, 3, 7);
        as(clerk).post("/api/v1/filings/" + D + "/" + year + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        locks.join();
        as(reviewer).get(url).then().body("departments[0].progress", equalTo("SUBMITTED")).body("counts.SUBMITTED", equalTo(1));
        as(reviewer).body("{\"comment\":\"请补充绩效目标\"}").post("/api/v1/filings/" + D + "/" + year + "/return").then().statusCode(200);
        as(reviewer).get(url).then().body("departments[0].progress", equalTo("RETURNED"));
        // OPENED, the reminders (read and unread) and the return with its comment: the contract's Notice each
        ContractAssert.assertEachMatches("Notice", as(clerk).get("/api/v1/notices").then()
                .body("find { it.kind == 'RETURNED' && it.roundId == " + id + " }.comment", equalTo("请补充绩效目标"))
                .extract().asString());

        // the extension: reviewers only, later than the deadline, with a reason, on the version read; audited
        int version = as(reviewer).get(url).then().extract().path("version");
        String extension = "{\"departmentId\":\"%s\",\"until\":\"%s\",\"reason\":\"%s\",\"version\":%d}";
        as(clerk).body(extension.formatted(D, deadline.plusDays(5), "理由", version)).post(url + "/extensions").then()
                .statusCode(403);
        as(reviewer).body(extension.formatted(D, deadline, " ", version)).post(url + "/extensions").then().statusCode(400)
                .body("errors.field", contains("until", "reason"));
        as(reviewer).body(extension.formatted(D, deadline.plusDays(5), "单位负责人调整", version + 1)).post(url + "/extensions")
                .then().statusCode(409).body("code", equalTo("version.conflict"));
        as(reviewer).body(extension.formatted(D, deadline.plusDays(5), "单位负责人调整", version)).post(url + "/extensions")
                .then().statusCode(200).body("departments[0].extendedUntil", equalTo(deadline.plusDays(5).toString()))
                .body("departments[0].daysLeft", equalTo(15)).body("version", equalTo(version + 1));
        ContractAssert.assertMatches("Round", as(reviewer).get(url).then().statusCode(200).extract().asString());
        assertEquals(1, audits("season-round-department", id + "/" + D, "extendedUntil"));
        assertEquals(1, countNotices(clerk, id, "EXTENDED"));

        // closing freezes the list and the statuses: no extension, no submission afterwards
        as(clerk).body("{\"version\":" + (version + 1) + "}").post(url + "/close").then().statusCode(403);
        ContractAssert.assertMatches("Round", as(reviewer).body("{\"version\":" + (version + 1) + "}").post(url + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("departments[0].progress", equalTo("RETURNED"))
                .body("closedAt", org.hamcrest.Matchers.notNullValue()).extract().asString());
        assertEquals(2, audits("season-round", String.valueOf(id), "status"));
        as(reviewer).body("{\"version\":" + (version + 2) + "}").post(url + "/close").then().statusCode(409)
                .body("code", equalTo("round.closed"));
        as(reviewer).body(extension.formatted(D, deadline.plusDays(9), "再延期", version + 2)).post(url + "/extensions")
                .then().statusCode(409).body("code", equalTo("round.closed"));
        as(clerk).post("/api/v1/filings/" + D + "/" + year + "/submit").then().statusCode(409)
                .body("code", equalTo("round.closed"));
        as(clerk).get("/api/v1/filings/" + D + "/" + year).then().body("status", equalTo("RETURNED"));
    }

    @Test
    void anOverdueDepartmentCannotSubmitUntilTheReviewerExtendsItsDeadline() {
        int year = 2018;
        FilingResourceTest.sheet(OTHER, year, 1, "6095300.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.reviewer())
                .get("/api/v1/reports/" + OTHER + "/" + year).then().statusCode(200));
        String reviewer = TestTokens.reviewer();
        String clerk = TestTokens.department(OTHER);
        int id = as(reviewer).body(open(year, "望城区", LocalDate.of(2019, 4, 30), OTHER)).post("/api/v1/rounds").then()
                .statusCode(201).body("departments[0].progress", equalTo("OVERDUE")).body("counts.OVERDUE", equalTo(1))
                .extract().path("id");

        as(clerk).post("/api/v1/filings/" + OTHER + "/" + year + "/submit").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("round.overdue"))
                .body("detail", containsString("2019-04-30"));
        as(clerk).get("/api/v1/filings/" + OTHER + "/" + year).then().body("status", equalTo("DRAFT"));

        as(reviewer).body("{\"departmentId\":\"%s\",\"until\":\"%s\",\"reason\":\"系统故障\",\"version\":0}"
                .formatted(OTHER, SeasonRules.today().plusDays(3))).post("/api/v1/rounds/" + id + "/extensions").then()
                .statusCode(200).body("departments[0].progress", equalTo("IN_PROGRESS"));
        // past the deadline rule now: the checker speaks (the narrative is still empty)
        as(clerk).post("/api/v1/filings/" + OTHER + "/" + year + "/submit").then().statusCode(422)
                .body("code", equalTo("filing.blocked"));
    }

    static int countNotices(String token, long roundId, String kind) {
        return given().auth().oauth2(token).get("/api/v1/notices").then().statusCode(200).extract()
                .<java.util.List<Object>>path("findAll { it.roundId == " + roundId + " && it.kind == '" + kind + "' }").size();
    }
}
