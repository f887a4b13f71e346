package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.jixiao.report.assembly.ReportFixtures;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.jixiao.testing.Tier2;

@Tier2
@QuarkusTest
class FilingResourceTest {

    static final String D = TestTokens.OTHER_DEPT;
    static final int Y = 2020;
    static final String URL = "/api/v1/filings/" + D + "/" + Y;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String confirmation(String service, String departmentId, int year, int filingVersion, long revision,
            long budgetRevision) {
        return io.jixiao.testing.TestEvents.lockConfirmed(service, departmentId, year, filingVersion, revision, budgetRevision);
    }

    /** Plays budget-service and evaluation-service: once the submit's FilingSubmitted is out, both confirm their locks. */
    static CompletableFuture<Void> confirmWhenSubmitted(String departmentId, int year, int filingVersion, long budgetRevision,
            long evaluationRevision) {
        return CompletableFuture.runAsync(() -> {
            TopicReader.await("report.events", v -> v.contains("\"FilingSubmitted\"") && v.contains(departmentId)
                    && v.contains("\"fiscalYear\":" + year) && v.contains("\"filingVersion\":" + filingVersion),
                    Duration.ofSeconds(30));
            String key = departmentId + ":" + year;
            TopicReader.send("budget.events", key, confirmation("budget", departmentId, year, filingVersion, budgetRevision, 0));
            TopicReader.send("evaluation.events", key, confirmation("evaluation", departmentId, year, filingVersion,
                    evaluationRevision, budgetRevision));
        });
    }

    static void sheet(String departmentId, int year, long revision, String basicActual) {
        TestEvents.send("budget.events", departmentId, year, TestEvents.budgetFigures(departmentId, year, "jyj", revision,
                "basic_expenditure", ReportFixtures.sheet(departmentId, year, revision, basicActual, "700300.00")));
    }

    static void score(String departmentId, int year, long revision, long evaluationRevision) {
        TestEvents.send("evaluation.events", departmentId, year, TestEvents.indicatorsComputed(departmentId, year,
                scorePayload(revision, evaluationRevision)));
    }

    /** An IndicatorsComputed payload scoring 72.50 中 the budget revision it names. */
    static String scorePayload(long revision, long evaluationRevision) {
        return """
                {"sourceVersion":0,"revision":%d,"total":"72.50","grade":"中","indicators":[],"items":%s,"evaluationRevision":%d}"""
                .formatted(revision, ReportFixtures.scoreItems(), evaluationRevision);
    }

    /**
     * Two phases: the submit locks report-service at once (the narrative is refused) and answers 202
     * SUBMITTING while the other services have not confirmed; the version is frozen only when both did and
     * the read model holds exactly the revisions they confirmed (here a budget write landed before the lock).
     */
    @Test
    void aSubmitIsSubmittingUntilBothLocksAreConfirmedAndFreezesTheConfirmedRevisions() {
        int year = 2024;
        String url = "/api/v1/filings/" + D + "/" + year;
        String narrative = "/api/v1/reports/" + D + "/" + year + "/narrative";
        String clerk = TestTokens.department(D);
        sheet(D, year, 5, "6095300.00");
        score(D, year, 5, 11);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk).get("/api/v1/reports/" + D + "/" + year)
                .then().statusCode(200).body("scoreRevision", equalTo(5)));
        as(clerk).body("{\"goals\":\"目标明确。\",\"achievements\":\"成效显著。\",\"problems\":[{\"text\":\"人员超编。\"}],"
                + "\"measures\":[{\"text\":\"消化超编。\",\"problemRef\":1}]}").put(narrative).then().statusCode(200);

        as(clerk).post(url + "/submit").then().statusCode(202).body("status", equalTo("SUBMITTING"))
                .body("versions", hasSize(0)).body("latestVersion", equalTo(1));
        as(clerk).body("{\"goals\":\"改\",\"achievements\":\"改\",\"problems\":[{\"text\":\"改\"}],"
                + "\"measures\":[{\"text\":\"改\",\"problemRef\":1}],\"version\":0}").put(narrative).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("filing.locked"));
        as(clerk).post(url + "/submit").then().statusCode(409).body("code", equalTo("filing.already-submitted"));
        as(TestTokens.reviewer()).body("{}").post(url + "/approve").then().statusCode(409)
                .body("code", equalTo("filing.not-submitted")).body("detail", containsString("提交中"));

        // both locked, budget at revision 6 (a write landed between the submit and its lock), evaluation at 12
        TopicReader.send("budget.events", D + ":" + year, confirmation("budget", D, year, 1, 6, 0));
        TopicReader.send("evaluation.events", D + ":" + year, confirmation("evaluation", D, year, 1, 12, 6));
        // a confirmation of another submission changes nothing
        TopicReader.send("budget.events", D + ":" + year, confirmation("budget", D, year, 9, 99, 0));
        sheet(D, year, 6, "6095400.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk).get("/api/v1/reports/" + D + "/" + year)
                .then().body("sheetRevision", equalTo(6)));
        // the read model has the budget revision but not yet evaluation's: nothing is frozen from a mix
        as(clerk).get(url).then().body("status", equalTo("SUBMITTING")).body("versions", hasSize(0));
        score(D, year, 6, 12);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk).get(url).then()
                .body("status", equalTo("SUBMITTED")).body("versions", hasSize(1))
                .body("versions[0].sheetRevision", equalTo(6)).body("versions[0].evaluationRevision", equalTo(12)));
        given().auth().oauth2(TestTokens.reviewer()).get(url + "/versions/1/preview").then().statusCode(200)
                .body(containsString("消化超编"));
        as(clerk).body("{\"goals\":\"改\",\"achievements\":\"改\",\"problems\":[{\"text\":\"改\"}],"
                + "\"measures\":[{\"text\":\"改\",\"problemRef\":1}],\"version\":0}").put(narrative).then()
                .statusCode(409).body("code", equalTo("filing.locked"));
    }

    /**
     * evaluation-service's own revision orders its scores. A score with a newer evaluation revision but an
     * older budget revision (a self-score scored beside a budget write) is its state now; when a submission
     * confirms that evaluation revision, the read model takes it and the filing freezes instead of staying
     * SUBMITTING for good. An older evaluation revision is still ignored.
     */
    @Test
    void aNewerEvaluationRevisionIsTakenEvenFromAnOlderBudgetRevision() {
        int year = 2029; // a year no other test of this JVM writes
        String url = "/api/v1/filings/" + D + "/" + year;
        String clerk = TestTokens.department(D);
        sheet(D, year, 25, "6095300.00");
        score(D, year, 25, 46);
        score(D, year, 24, 47); // newer evaluation, scored from the budget revision before
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk).get(url.replace("filings", "reports")).then()
                .statusCode(200).body("scoreRevision", equalTo(24)));
        score(D, year, 25, 45); // an older evaluation revision changes nothing
        as(clerk).body("{\"goals\":\"目标明确。\",\"achievements\":\"成效显著。\",\"problems\":[{\"text\":\"人员超编。\"}],"
                + "\"measures\":[{\"text\":\"消化超编。\",\"problemRef\":1}]}").put("/api/v1/reports/" + D + "/" + year + "/narrative")
                .then().statusCode(200);

        CompletableFuture<Void> confirmed = confirmWhenSubmitted(D, year, 1, 25, 47);
        as(clerk).post(url + "/submit").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(202)));
        confirmed.join();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(clerk).get(url).then()
                .body("status", equalTo("SUBMITTED")).body("versions[0].sheetRevision", equalTo(25))
                .body("versions[0].evaluationRevision", equalTo(47)));
    }

    @Test
    void submitReturnResubmitApproveWithLocksHistoryAndFrozenVersions() {
        String sheet = ReportFixtures.sheet(D, Y, 3, "6095300.00", "700300.00");
        TestEvents.send("budget.events", D, Y, TestEvents.budgetFigures(D, Y, "jyj", 3, "project", sheet));
        TestEvents.send("evaluation.events", D, Y, TestEvents.indicatorsComputed(D, Y, scorePayload(3, 7)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.department(D))
                .get("/api/v1/reports/" + D + "/" + Y).then().statusCode(200).body("scoreRevision", equalTo(3)));
        String clerk = TestTokens.department(D);

        // the narrative is still empty: the checker's fatal findings block the submit
        as(clerk).post(URL + "/submit").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("filing.blocked"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("report.四"));
        as(clerk).get(URL).then().body("status", equalTo("DRAFT"));

        as(clerk).body("{\"goals\":\"目标明确。\",\"achievements\":\"成效显著。\",\"problems\":[{\"text\":\"人员超编。\"}],\"measures\":[{\"text\":\"消化超编。\",\"problemRef\":1}]}")
                .put("/api/v1/reports/" + D + "/" + Y + "/narrative").then().statusCode(200);
        CompletableFuture<Void> locks = confirmWhenSubmitted(D, Y, 1, 3, 7);
        as(clerk).post(URL + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("versions", hasSize(1)).body("versions[0].sheetRevision", equalTo(3))
                .body("versions[0].evaluationRevision", equalTo(7)).body("versions[0].contentHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        String submitted = TopicReader.await("report.events", v -> v.contains("FilingSubmitted") && v.contains(D),
                Duration.ofSeconds(30)).get(0).value();
        SchemaAssert.assertValid(java.nio.file.Path.of("src/main/resources/schemas/FilingSubmitted.v1.json"), submitted);
        locks.join();

        // the version holds its three documents, each with a SHA-256, downloadable as submitted
        String pdfHash = as(clerk).get(URL).then().extract().path("versions[0].documents.pdf");
        org.hamcrest.MatcherAssert.assertThat(pdfHash, org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        byte[] pdf = given().auth().oauth2(TestTokens.reviewer()).get(URL + "/versions/1/report.pdf").then().statusCode(200)
                .contentType("application/pdf").header("ETag", containsString(pdfHash)).extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertEquals(pdfHash, io.jixiao.report.service.FilingService.sha256(pdf));
        byte[] docx = given().auth().oauth2(TestTokens.reviewer()).get(URL + "/versions/1/report.docx").then().statusCode(200)
                .extract().asByteArray();
        String versionHtml = given().auth().oauth2(TestTokens.reviewer()).get(URL + "/versions/1/preview").then()
                .extract().asString();
        try {
            String html = io.jixiao.report.assembly.DocumentText.html(versionHtml);
            io.jixiao.report.assembly.DocumentText.assertSameText(html, io.jixiao.report.assembly.DocumentText.docx(docx));
            io.jixiao.report.assembly.DocumentText.assertSameText(html, io.jixiao.report.assembly.DocumentText.withoutRepeatedHeaders(
                    io.jixiao.report.assembly.DocumentText.pdf(pdf), "一级指标二级指标三级指标分值指标值得分说明",
                    "项目年初预算调整单位支付财政直接支付实际支出执行率重点"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        as(TestTokens.department(TestTokens.SAMPLE_DEPT)).get(URL + "/versions/1/report.pdf").then().statusCode(403);

        as(clerk).post(URL + "/submit").then().statusCode(409).body("code", equalTo("filing.already-submitted"))
                .body("detail", containsString("不能重复提交"));
        // a department cannot approve (or return) its own filing
        as(clerk).body("{}").post(URL + "/approve").then().statusCode(403).body("code", equalTo("filing.reviewer-only"))
                .body("detail", containsString("只有财政局审核人员"));
        as(clerk).body("{\"comment\":\"自己退回\"}").post(URL + "/return").then().statusCode(403)
                .body("code", equalTo("filing.reviewer-only"));
        as(TestTokens.department(TestTokens.SAMPLE_DEPT)).post(URL + "/submit").then().statusCode(403);
        as(TestTokens.reviewer()).body("{\"comment\":\" \"}").post(URL + "/return").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        as(TestTokens.reviewer()).body("{\"comment\":\"请补充项目支出差异原因\"}").post(URL + "/return").then()
                .statusCode(200).body("status", equalTo("RETURNED"));
        TopicReader.await("report.events", v -> v.contains("FilingReturned") && v.contains(D), Duration.ofSeconds(30));
        // approving a returned filing is refused with its current status
        as(TestTokens.reviewer()).body("{}").post(URL + "/approve").then().statusCode(409)
                .body("code", equalTo("filing.not-submitted")).body("detail", containsString("已退回"));

        as(clerk).body("{\"goals\":\"目标明确。\",\"achievements\":\"成效显著。\",\"problems\":[{\"text\":\"人员超编。\"}],\"measures\":[{\"text\":\"逐步消化超编。\",\"problemRef\":1}],\"version\":0}")
                .put("/api/v1/reports/" + D + "/" + Y + "/narrative").then().statusCode(200);
        locks = confirmWhenSubmitted(D, Y, 2, 3, 7);
        as(clerk).post(URL + "/submit").then().statusCode(200).body("versions", hasSize(2));
        locks.join();
        as(TestTokens.reviewer()).body("{\"comment\":\"同意\"}").post(URL + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("history.step", contains("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED"))
                .body("history[1].comment", equalTo("请补充项目支出差异原因"))
                .body("history[1].actor", equalTo("reviewer"))
                .body("versions[0].contentHash", not(equalTo(as(clerk).get(URL).then().extract().path("versions[1].contentHash"))));
        as(clerk).post(URL + "/submit").then().statusCode(409).body("code", equalTo("filing.already-approved"));
        // the first version stays readable as it was submitted
        given().auth().oauth2(TestTokens.financeApi()).get(URL + "/versions/1/preview").then().statusCode(200)
                .body(containsString("（一）消化超编（针对问题一）。"));
        given().auth().oauth2(TestTokens.financeApi()).get(URL + "/versions/9/preview").then().statusCode(404);

        // the bureau's change feed has the four steps in order with their payloads, pulled one per page.
        // The feed keeps every event report-service publishes: a round covering this year (another test
        // may open one) adds its RoundNotice events between the steps, so the filing events are compared.
        String feed = "/api/v1/filings/changes";
        var all = given().auth().oauth2(TestTokens.financeApi()).queryParam("departmentId", D).queryParam("fiscalYear", Y)
                .get(feed).then().statusCode(200).body("hasMore", equalTo(false)).extract().jsonPath();
        java.util.List<java.util.Map<String, Object>> steps = all.<java.util.Map<String, Object>>getList("items").stream()
                .filter(e -> String.valueOf(e.get("type")).startsWith("Filing")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of("FilingSubmitted", "FilingReturned", "FilingSubmitted", "FilingApproved"),
                steps.stream().map(e -> e.get("type")).toList());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(1, 1, 2, 2),
                steps.stream().map(e -> ((java.util.Map<?, ?>) e.get("payload")).get("filingVersion")).toList());
        org.junit.jupiter.api.Assertions.assertEquals("请补充项目支出差异原因",
                ((java.util.Map<?, ?>) steps.get(1).get("payload")).get("comment"));
        org.junit.jupiter.api.Assertions.assertEquals("reviewer", steps.get(1).get("actor"));
        int events = all.getList("items").size();
        java.util.List<String> types = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < events + 2; page++) {
            var spec = given().auth().oauth2(TestTokens.financeApi()).queryParam("departmentId", D)
                    .queryParam("fiscalYear", Y).queryParam("limit", 1);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var json = spec.get(feed).then().statusCode(200).body("items", hasSize(org.hamcrest.Matchers.lessThanOrEqualTo(1)))
                    .extract().jsonPath();
            types.addAll(json.getList("items.type", String.class));
            cursor = json.getString("nextCursor");
        }
        org.junit.jupiter.api.Assertions.assertEquals(all.getList("items.type", String.class), types,
                "each change once, in commit order, across pages; then empty pages");
        given().auth().oauth2(TestTokens.financeApi()).queryParam("departmentId", D).queryParam("fiscalYear", Y)
                .queryParam("type", "FilingReturned").get(feed).then().statusCode(200).body("items", hasSize(1));
        // its own department reads it; another department is refused
        given().auth().oauth2(clerk).queryParam("fiscalYear", Y).get(feed).then().statusCode(200)
                .body("items.departmentId", org.hamcrest.Matchers.everyItem(equalTo(D)));
        given().auth().oauth2(TestTokens.department(TestTokens.SAMPLE_DEPT)).queryParam("departmentId", D)
                .get(feed).then().statusCode(403);
    }
}
