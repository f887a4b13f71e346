package io.jixiao.evaluation.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.Events;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.jixiao.testing.Tier2;

/** Scores reach the bureau's change feed (/api/v1/evaluations/changes) with their payload, scoped per department. */
@Tier2
@QuarkusTest
class EvaluationChangesTest {

    static final String FEED = "/api/v1/evaluations/changes";
    static final int YEAR = 2033;

    @Test
    void everyComputedScoreAppearsOnceInTheFeed() throws Exception {
        Events.publishBudget(TestTokens.OTHER_DEPT, YEAR, Events.budget(TestTokens.OTHER_DEPT, YEAR, 1, "6991300.00"));
        Events.publishBudget(TestTokens.OTHER_DEPT, YEAR, Events.budget(TestTokens.OTHER_DEPT, YEAR, 2, "6991400.00"));
        List<Integer> revisions = List.of();
        long deadline = System.currentTimeMillis() + 30_000;
        while (revisions.size() < 2 && System.currentTimeMillis() < deadline) {
            JsonPath page = given().auth().oauth2(TestTokens.financeApi()).queryParam("fiscalYear", YEAR)
                    .queryParam("type", "IndicatorsComputed").get(FEED).then().statusCode(200).extract().jsonPath();
            revisions = page.getList("items.payload.revision", Integer.class);
            if (revisions.size() < 2) {
                Thread.sleep(200); // poll interval while the consumer scores
            }
        }
        assertEquals(List.of(1, 2), revisions, "one IndicatorsComputed per budget revision, in order");

        JsonPath own = given().auth().oauth2(TestTokens.department(TestTokens.SAMPLE_DEPT)).queryParam("fiscalYear", YEAR)
                .get(FEED).then().statusCode(200).extract().jsonPath();
        assertTrue(own.getList("items").isEmpty(), "another department's scores stay invisible");
        given().auth().oauth2(TestTokens.department(TestTokens.SAMPLE_DEPT)).queryParam("departmentId", TestTokens.OTHER_DEPT)
                .get(FEED).then().statusCode(403);
    }
}
