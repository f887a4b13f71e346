package io.jixiao.evaluation.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.scoring.SampleSheet;
import io.jixiao.platform.inbox.ParkedEvent;
import io.jixiao.platform.outbox.OutboxEvent;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.jixiao.testing.Tier2;

/** Consumes budget.events exactly as budget-service publishes them (checked against its schema). */
@Tier2
@QuarkusTest
class BudgetEventsConsumerTest {

    static final String DEPT = TestTokens.SAMPLE_DEPT;

    /** A BudgetFiguresChanged for the sample department, its year relabelled. */
    static String event(UUID id, int schemaVersion, int year, long revision, long basicVersion, String basicActual) {
        String sheet = SampleSheet.sample2020(DEPT, revision, basicVersion, basicActual).replace("\"fiscalYear\":2020",
                "\"fiscalYear\":" + year);
        return io.jixiao.testing.TestEvents.budgetFigures(id, schemaVersion, DEPT, year, "zfw", revision,
                "basic_expenditure", sheet);
    }

    static void publish(String event, int year) {
        TopicReader.send("budget.events", DEPT + ":" + year, event);
    }

    static long computedEvents(int year) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventKey = ?1", DEPT + ":" + year));
    }

    static void awaitRevision(int year, long revision) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(DEPT))
                .get("/api/v1/evaluations/" + DEPT + "/" + year).then().statusCode(200)
                .body("revision", equalTo((int) revision)));
    }

    static String indicator(int year, String code) {
        return given().auth().oauth2(TestTokens.department(DEPT)).get("/api/v1/evaluations/" + DEPT + "/" + year)
                .then().extract().path("indicators.find { it.code == '" + code + "' }.value");
    }

    @Test
    void theSampleYearIsScoredAndExplainedAndTheScoreIsPublished() {
        String e = event(UUID.randomUUID(), 1, 2020, 9, 0, "6991300.00");
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BudgetFiguresChanged", 1), e);
        publish(e, 2020);
        awaitRevision(2020, 9);
        given().auth().oauth2(TestTokens.department(DEPT)).get("/api/v1/evaluations/" + DEPT + "/2020").then()
                .body("sourceVersion", equalTo(0))
                .body("indicators.find { it.code == 'basic-completion-rate' }.value", equalTo("109.60"))
                .body("indicators.find { it.code == 'staff-control-rate' }.value", equalTo("110.00"))
                .body("indicators.find { it.code == 'staff-control-rate' }.inputs[0].value", equalTo("22"))
                .body("score.items.find { it.code == 'staff-control-rate' }.score", equalTo(0.0f))
                .body("score.items.find { it.code == 'budget-completion-rate' }.value", equalTo(107.74f))
                .body("score.items.find { it.code == 'three-public-control-rate' }.status", equalTo("MISSING"))
                .body("score.total", equalTo(6.82f))
                .body("score.grade", equalTo("差"));
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT))
                .get("/api/v1/evaluations/" + DEPT + "/2020").then().statusCode(403);

        String published = TopicReader.await("evaluation.events",
                v -> v.contains("\"fiscalYear\":2020") && v.contains(DEPT), Duration.ofSeconds(30)).get(0).value();
        SchemaAssert.assertValid(java.nio.file.Path.of("src/main/resources/schemas/IndicatorsComputed.v1.json"), published);
    }

    @Test
    void aSelfScoreWithinItsTierRaisesTheTotalAndOutsideIsRefused() {
        publish(event(UUID.randomUUID(), 1, 2019, 3, 0, "6991300.00"), 2019);
        awaitRevision(2019, 3);
        String url = "/api/v1/evaluations/" + DEPT + "/2019/self-scores/social-benefit";
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"5.00\",\"evidence\":\"调处矛盾纠纷\"}").put(url)
                .then().statusCode(400).body("code", equalTo("self-score.outside-tier"))
                .body("errors[0].field", equalTo("score"));
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"7.20\",\"evidence\":\" \"}").put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("evidence"));
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"1.00\",\"evidence\":\"x\"}")
                .put("/api/v1/evaluations/" + DEPT + "/2019/self-scores/staff-control-rate")
                .then().statusCode(400).body("code", equalTo("indicator.not-qualitative"));
        String rescored = given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"7.20\",\"evidence\":\"调处矛盾纠纷 1200 件\"}").put(url)
                .then().statusCode(200)
                .body("score.total", equalTo(14.02f))
                .body("score.items.find { it.code == 'social-benefit' }.status", equalTo("SELF_SCORED")).extract().asString();
        ContractAssert.assertMatches("Evaluation", rescored);
        // the card names the entry's version, so the department can change its self-score again; a stale one is 409
        Integer v = given().auth().oauth2(TestTokens.department(DEPT)).get("/api/v1/evaluations/" + DEPT + "/2019")
                .then().statusCode(200).extract().path("score.items.find { it.code == 'social-benefit' }.selfScoreVersion");
        assertNotNull(v);
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"7.50\",\"evidence\":\"调处矛盾纠纷 1250 件\",\"version\":" + v + "}")
                .put(url).then().statusCode(200)
                .body("score.items.find { it.code == 'social-benefit' }.score", equalTo(7.5f));
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"7.20\",\"evidence\":\"调处矛盾纠纷 1200 件\",\"version\":" + v + "}")
                .put(url).then().statusCode(409);
        given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"8.00\",\"evidence\":\"x\",\"version\":0}").put(url)
                .then().statusCode(403);
        // the self-score survives a rescoring after a budget change
        publish(event(UUID.randomUUID(), 1, 2019, 4, 1, "6378800.00"), 2019);
        awaitRevision(2019, 4);
        assertEquals("100.00", indicator(2019, "basic-completion-rate"));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/" + DEPT + "/2019").then()
                .body("score.items.find { it.code == 'social-benefit' }.score", equalTo(7.5f));
    }

    @Test
    void aReviewerAdjustsAScoreWithACommentAndBothScoresShow() {
        publish(event(UUID.randomUUID(), 1, 2024, 2, 0, "6991300.00"), 2024);
        awaitRevision(2024, 2);
        String url = "/api/v1/evaluations/" + DEPT + "/2024/adjustments/key-spending-rate";
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"score\":\"4.00\",\"comment\":\"自己调高\"}").put(url).then().statusCode(403);
        given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"score\":\"4.50\",\"comment\":\"x\"}").put(url).then().statusCode(400)
                .body("code", equalTo("adjustment.above-points"));
        given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"score\":\"3.00\",\"comment\":\"\"}").put(url).then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        String adjusted = given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"score\":\"3.00\",\"comment\":\"重点项目认定依据不足\"}").put(url).then().statusCode(200)
                .body("score.items.find { it.code == 'key-spending-rate' }.score", equalTo(3.7f))
                .body("score.items.find { it.code == 'key-spending-rate' }.adjustedScore", equalTo(3.0f))
                .body("score.items.find { it.code == 'key-spending-rate' }.adjustment", equalTo("重点项目认定依据不足"))
                .body("score.total", equalTo(6.12f)).extract().asString();
        ContractAssert.assertMatches("Evaluation", adjusted);
        // the department sees both, and a rescoring keeps the adjustment
        publish(event(UUID.randomUUID(), 1, 2024, 3, 1, "6378800.00"), 2024);
        awaitRevision(2024, 3);
        given().auth().oauth2(TestTokens.department(DEPT)).get("/api/v1/evaluations/" + DEPT + "/2024").then()
                .body("score.items.find { it.code == 'key-spending-rate' }.adjustedScore", equalTo(3.0f));
    }

    @Test
    void goalsFeedTheOutputIndicatorsAndBadGoalsAreRefused() {
        publish(event(UUID.randomUUID(), 1, 2018, 1, 0, "6991300.00"), 2018);
        awaitRevision(2018, 1);
        String url = "/api/v1/goals/" + DEPT + "/2018";
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"goals\":[{\"goal\":\"综治\",\"indicators\":[]},{\"goal\":\"维稳\",\"indicators\":["
                        + "{\"category\":\"QUALITY\",\"name\":\"达标率\",\"unit\":\"%\",\"direction\":\"GE\",\"target\":120},"
                        + "{\"category\":\"QUANTITY\",\"name\":\"件数\",\"unit\":\"吨\",\"direction\":\"GE\",\"target\":3}]}]}")
                .put(url).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("goals[0].indicators", "goals[1].indicators[0].target",
                        "goals[1].indicators[1].unit"));
        given().auth().oauth2(TestTokens.department(DEPT)).get(url).then().statusCode(200)
                .body("indicators", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON)
                .body("{\"goals\":[{\"goal\":\"社会治理有效\",\"indicators\":["
                        + "{\"category\":\"QUANTITY\",\"name\":\"排查调处矛盾纠纷\",\"unit\":\"件\",\"direction\":\"GE\",\"target\":12,\"actual\":12},"
                        + "{\"category\":\"QUALITY\",\"name\":\"调解成功率\",\"unit\":\"%\",\"direction\":\"GE\",\"target\":95,\"actual\":90},"
                        + "{\"category\":\"TIMELINESS\",\"name\":\"办结时限\",\"unit\":\"天\",\"direction\":\"LE\",\"target\":30,\"actual\":25,\"keyTask\":true},"
                        + "{\"category\":\"SATISFACTION\",\"name\":\"群众满意度\",\"unit\":\"%\",\"direction\":\"GE\",\"target\":90,\"actual\":92}]}],\"version\":null}")
                .put(url).then().statusCode(200).body("version", equalTo(0))
                .body("indicators[1].met", equalTo(false)).body("indicators[2].met", equalTo(true));
        given().auth().oauth2(TestTokens.department(DEPT)).get("/api/v1/evaluations/" + DEPT + "/2018").then()
                .body("score.items.find { it.code == 'task-completion-rate' }.value", equalTo(66.67f))
                .body("score.items.find { it.code == 'task-completion-rate' }.score", equalTo(6.67f))
                .body("score.items.find { it.code == 'task-quality-rate' }.score", equalTo(0.0f))
                .body("score.items.find { it.code == 'key-task-completion-rate' }.score", equalTo(6.0f))
                .body("score.total", equalTo(25.49f));
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).contentType(ContentType.JSON)
                .body("{\"goals\":[],\"version\":0}").put(url).then().statusCode(403);
    }

    @Test
    void oversizedGoalsAre400AtTheFieldAndChangeNothing() {
        publish(event(UUID.randomUUID(), 1, 2017, 1, 0, "6991300.00"), 2017);
        awaitRevision(2017, 1);
        String url = "/api/v1/goals/" + DEPT + "/2017";
        // target 1e20 answered 500 (numeric overflow in the database), a 5,000-character goal 500 (varchar)
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"goals\":[{\"goal\":\"" + "目".repeat(5000) + "\",\"indicators\":["
                        + "{\"category\":\"QUANTITY\",\"name\":\"件数\",\"unit\":\"件\",\"direction\":\"GE\",\"target\":1e20},"
                        + "{\"category\":\"QUANTITY\",\"name\":\"件数2\",\"unit\":\"件\",\"direction\":\"GE\",\"target\":1,\"actual\":-1e30}]}]}")
                .put(url).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("goals[0].goal", "goals[0].indicators[0].target",
                        "goals[0].indicators[1].actual"))
                .body("errors[0].message", equalTo("Too long: at most 300 characters."));
        StringBuilder many = new StringBuilder("{\"goals\":[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"goal\":\"g").append(i).append("\",\"indicators\":[{\"category\":\"QUANTITY\","
                    + "\"name\":\"n\",\"unit\":\"件\",\"direction\":\"GE\",\"target\":1}]}");
        }
        given().auth().oauth2(TestTokens.department(DEPT)).contentType(ContentType.JSON).body(many + "]}").put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("goals"));
        given().auth().oauth2(TestTokens.department(DEPT)).get(url).then().statusCode(200)
                .body("indicators", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void aDuplicatedEventChangesNothing() {
        UUID id = UUID.randomUUID();
        String e = event(id, 1, 2021, 3, 0, "6378800.00");
        publish(e, 2021);
        awaitRevision(2021, 3);
        assertEquals(1, computedEvents(2021));
        publish(e, 2021); // redelivered
        publish(event(UUID.randomUUID(), 1, 2021, 4, 1, "7016680.00"), 2021);
        awaitRevision(2021, 4);
        assertEquals("110.00", indicator(2021, "basic-completion-rate"));
        assertEquals(2, computedEvents(2021), "the duplicate must not have rescored");
    }

    @Test
    void anOlderRevisionArrivingLateDoesNotOverwrite() {
        publish(event(UUID.randomUUID(), 1, 2022, 7, 2, "5740920.00"), 2022);
        awaitRevision(2022, 7);
        publish(event(UUID.randomUUID(), 1, 2022, 6, 1, "637880.00"), 2022);
        publish(event(UUID.randomUUID(), 1, 2022, 8, 3, "6059860.00"), 2022);
        awaitRevision(2022, 8);
        assertEquals("95.00", indicator(2022, "basic-completion-rate"));
    }

    @Test
    void anUnknownSchemaVersionIsParkedAndTheConsumerGoesOn() {
        UUID id = UUID.randomUUID();
        publish(event(id, 99, 2023, 1, 0, "100.00"), 2023);
        publish("not json at all", 2023);
        publish(event(UUID.randomUUID(), 1, 2023, 2, 0, "3189400.00"), 2023);
        awaitRevision(2023, 2);
        assertEquals("50.00", indicator(2023, "basic-completion-rate"));
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ParkedEvent.count("eventId = ?1", id.toString())) == 1);
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> ParkedEvent.count("reason like 'unreadable%' and message = 'not json at all'")));
    }
}
