package io.jixiao.evaluation.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.Events;
import io.jixiao.evaluation.domain.FilingPin;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.jixiao.testing.Tier2;

/**
 * A submitted department-year in evaluation-service: locked against goals, self-scores, project indicators
 * and adjustments; confirmed only after budget-service confirmed its lock, with the revision it holds.
 */
@Tier2
@QuarkusTest
class FilingLockTest {

    static final String D = "d0000000-0000-4000-8000-0000000000f1";
    static final int Y = 2027;
    static final String EVAL = "/api/v1/evaluations/" + D + "/" + Y;
    static final ObjectMapper JSON = new ObjectMapper();

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static boolean pinned() {
        return QuarkusTransaction.requiringNew().call(() -> FilingPin.isPinned(D, Y));
    }

    static long evaluationRevision(String event) {
        try {
            return JSON.readTree(event).at("/payload/evaluationRevision").asLong(-1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long heldRevision() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) FilingPin.getEntityManager()
                .createNativeQuery("select revision from filing_pin where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, D).setParameter(2, Y).getSingleResult()).longValue());
    }

    static String budgetConfirmation(String d, int y, int filingVersion, long revision) {
        return io.jixiao.testing.TestEvents.lockConfirmed("budget", d, y, filingVersion, revision, 0);
    }

    /** The version of an item's self-score or adjustment entry, as a client sends it back (null: none yet). */
    static Object version(String code, String field) {
        return as(TestTokens.reviewer()).get(EVAL).then().extract()
                .path("score.items.find { it.code == '" + code + "' }." + field);
    }

    static int selfScore() {
        return as(TestTokens.department(D)).body("{\"tier\":\"GOOD\",\"score\":\"7.20\",\"evidence\":\"调处矛盾纠纷\","
                + "\"version\":" + version("social-benefit", "selfScoreVersion") + "}")
                .put(EVAL + "/self-scores/social-benefit").statusCode();
    }

    /** An adjustment on the current version, so only the filing's state can refuse it. */
    static io.restassured.response.Response adjust(String score) {
        return as(TestTokens.reviewer()).body("{\"score\":\"" + score + "\",\"comment\":\"重点项目认定依据不足\","
                + "\"version\":" + version("key-spending-rate", "adjustmentVersion") + "}")
                .put(EVAL + "/adjustments/key-spending-rate");
    }

    @Test
    void aSubmittedYearRefusesEveryWriteAndConfirmsItsLockAfterBudgetWithTheRevisionItHolds() throws Exception {
        Events.publishBudget(D, Y, Events.budget(D, Y, 4, "6991300.00"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.reviewer()).get(EVAL).then()
                .statusCode(200).body("revision", equalTo(4)));
        // a draft: the department writes, the bureau may adjust
        assertEquals(200, selfScore());
        adjust("3.00").then().statusCode(200);

        Events.publishFiling(D, Y, Events.filing("FilingSubmitted", 1, D, Y, 1));
        await().atMost(Duration.ofSeconds(30)).until(FilingLockTest::pinned);
        as(TestTokens.department(D)).body("{\"tier\":\"GOOD\",\"score\":\"7.50\",\"evidence\":\"x\",\"version\":"
                + version("social-benefit", "selfScoreVersion") + "}")
                .put(EVAL + "/self-scores/social-benefit").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("filing.locked"));
        as(TestTokens.department(D)).body("{\"goals\":[{\"goal\":\"社会治理有效\",\"indicators\":[{\"category\":\"QUANTITY\","
                + "\"name\":\"排查调处矛盾纠纷\",\"unit\":\"件\",\"direction\":\"GE\",\"target\":12,\"actual\":12}]}],\"version\":null}")
                .put("/api/v1/goals/" + D + "/" + Y).then().statusCode(409).body("code", equalTo("filing.locked"));
        // the rule: no adjustment of a locked year either (return it first)
        adjust("2.00").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("adjustment.filing-locked"))
                .body("detail", equalTo("2027 年度自评已提交（或已审核通过），得分已锁定，不能调整：如需调整，请先退回，由单位重新提交。"));
        as(TestTokens.reviewer()).header("Accept-Language", "en").body("{\"score\":\"2.00\",\"comment\":\"x\",\"version\":"
                + version("key-spending-rate", "adjustmentVersion") + "}")
                .put(EVAL + "/adjustments/key-spending-rate").then().statusCode(409)
                .body("detail", equalTo("The 2027 filing has been submitted (or approved) and its scores are locked: to adjust "
                        + "a score, return the filing first and let the department resubmit it."));

        // budget-service's confirmation comes; only then does evaluation confirm, with the data it holds
        OffsetDateTime budgetConfirmedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Events.publishBudget(D, Y, budgetConfirmation(D, Y, 1, 4));
        String confirmed = TopicReader.await("evaluation.events", v -> v.contains("\"FilingLockConfirmed\"") && v.contains(D),
                Duration.ofSeconds(30)).get(0).value();
        SchemaAssert.assertValid(Path.of("src/main/resources/schemas/FilingLockConfirmed.v1.json"), confirmed);
        JsonNode event = JSON.readTree(confirmed);
        assertTrue(OffsetDateTime.parse(event.get("occurredAt").asText()).isAfter(budgetConfirmedAt),
                "evaluation confirmed before budget had locked");
        assertEquals(1, event.at("/payload/filingVersion").asInt());
        assertEquals(4, event.at("/payload/budgetRevision").asLong());
        long revision = event.at("/payload/revision").asLong();
        assertEquals(revision, heldRevision(), "the confirmed revision is not the one evaluation holds");
        // report-service sees the same number on the score card it receives
        List<ConsumerRecord<String, String>> computed = TopicReader.await("evaluation.events",
                v -> v.contains("\"IndicatorsComputed\"") && v.contains(D) && evaluationRevision(v) == revision,
                Duration.ofSeconds(30));
        SchemaAssert.assertValid(Path.of("src/main/resources/schemas/IndicatorsComputed.v1.json"), computed.get(0).value());
        // nothing refused above moved it
        assertEquals(200, as(TestTokens.reviewer()).get(EVAL).statusCode());
        assertEquals(revision, heldRevision());

        // returned: unlocked, the bureau adjusts again and the department writes again
        Events.publishFiling(D, Y, Events.filing("FilingReturned", 1, D, Y, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> !pinned());
        adjust("2.00").then().statusCode(200);
        assertEquals(200, selfScore());
        assertFalse(pinned());
    }

    /**
     * Budget's confirmation may come before the submit reaches evaluation, and name a revision evaluation has
     * not received yet: evaluation confirms only once it is locked and scored on exactly that revision.
     */
    @Test
    void evaluationWaitsForTheLockAndForTheBudgetRevisionThatWasLocked() throws Exception {
        String d = "d0000000-0000-4000-8000-0000000000f2";
        int y = 2028;
        Events.publishBudget(d, y, Events.budget(d, y, 1, "6991300.00"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.reviewer())
                .get("/api/v1/evaluations/" + d + "/" + y).then().statusCode(200).body("revision", equalTo(1)));
        // budget locked at revision 2 (a write landed just before its lock): its confirmation arrives first
        Events.publishBudget(d, y, budgetConfirmation(d, y, 1, 2));
        Events.publishFiling(d, y, Events.filing("FilingSubmitted", 1, d, y, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> FilingPin.isPinned(d, y)));
        // locked, but scored on revision 1 only: no confirmation yet
        OffsetDateTime revisionSentAt = OffsetDateTime.now(ZoneOffset.UTC);
        Events.publishBudget(d, y, Events.budget(d, y, 2, "6991400.00"));
        String confirmed = TopicReader.await("evaluation.events", v -> v.contains("\"FilingLockConfirmed\"") && v.contains(d),
                Duration.ofSeconds(30)).get(0).value();
        JsonNode event = JSON.readTree(confirmed);
        assertTrue(OffsetDateTime.parse(event.get("occurredAt").asText()).isAfter(revisionSentAt),
                "evaluation confirmed before it had the budget revision that was locked");
        assertEquals(2, event.at("/payload/budgetRevision").asLong());
        as(TestTokens.reviewer()).get("/api/v1/evaluations/" + d + "/" + y).then().body("revision", equalTo(2));
    }
}
