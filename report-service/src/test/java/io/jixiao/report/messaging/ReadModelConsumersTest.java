package io.jixiao.report.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/** Both producers' events, in their producers' schemas, become the 基本支出 paragraph. */
@Tier2
@QuarkusTest
class ReadModelConsumersTest {

    static final String DEPT = TestTokens.SAMPLE_DEPT;

    static String budgetEvent(int year, String budget, String actual, String variance, long version) {
        return TestEvents.basicExpenditure(DEPT, year, "zfw", budget, actual, variance, null, version);
    }

    static String scoreEvent(UUID id, int year, String rate, long version) {
        return TestEvents.indicatorsComputed(id, DEPT, year, """
                {"sourceVersion":%d,"revision":%d,"total":"60.00","grade":"中","indicators":[{"code":"basic-completion-rate","name":"基本支出预算完成率","value":"%s","unit":"%%","missing":false}]}"""
                .formatted(version, version + 5, rate));
    }

    static io.restassured.response.ValidatableResponse section(int year) {
        return given().auth().oauth2(TestTokens.department(DEPT))
                .get("/api/v1/reports/" + DEPT + "/" + year + "/sections/basic-expenditure").then();
    }

    @Test
    void sampleFiguresBecomeTheSectionParagraph() {
        String budget = budgetEvent(2020, "6378800.00", "6991300.00", "612500.00", 0);
        String score = scoreEvent(UUID.randomUUID(), 2020, "109.60", 0);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BasicExpenditureChanged", 1), budget);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("evaluation-service", "IndicatorsComputed", 1), score);

        TopicReader.send("budget.events", DEPT + ":2020", budget);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> section(2020).statusCode(200)
                .body("pending", equalTo(true))
                .body("figures.varianceWan", equalTo("61.25")));
        // pending: the rate is null, as the schema allows
        ContractAssert.assertMatches("ReportSection", section(2020).extract().asString());
        TopicReader.send("evaluation.events", DEPT + ":2020", score);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> section(2020).statusCode(200)
                .body("pending", equalTo(false))
                .body("sourceVersion", equalTo(0))
                .body("heading", equalTo("（一）基本支出情况"))
                .body("figures.rate", equalTo("109.60"))
                .body("paragraphs[0]", equalTo(
                        "本年度基本支出预算 637.88 万元，实际支出 699.13 万元，超出预算 61.25 万元，预算完成率 109.60%。")));
        ContractAssert.assertMatches("ReportSection", section(2020).extract().asString());
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT))
                .get("/api/v1/reports/" + DEPT + "/2020/sections/basic-expenditure").then().statusCode(403);
        given().get("/api/v1/reports/" + DEPT + "/2020/sections/basic-expenditure").then().statusCode(401);
    }

    @Test
    void aDuplicatedScoreEventIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        TopicReader.send("budget.events", DEPT + ":2021", budgetEvent(2021, "100.00", "50.00", "-50.00", 1));
        TopicReader.send("evaluation.events", DEPT + ":2021", scoreEvent(id, 2021, "50.00", 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> section(2021).body("figures.rate", equalTo("50.00")));
        // a newer score, then the first one redelivered: the redelivery must not bring the old value back
        TopicReader.send("budget.events", DEPT + ":2021", budgetEvent(2021, "100.00", "70.00", "-30.00", 2));
        TopicReader.send("evaluation.events", DEPT + ":2021", scoreEvent(UUID.randomUUID(), 2021, "70.00", 2));
        TopicReader.send("evaluation.events", DEPT + ":2021", scoreEvent(id, 2021, "50.00", 1));
        TopicReader.send("evaluation.events", DEPT + ":2022", scoreEvent(UUID.randomUUID(), 2022, "1.00", 1));
        // the rate is already set before these arrive: wait until the consumers have committed past all of
        // them (the redelivery included), so the check below sees their effect rather than racing it
        TopicReader.awaitNoLag("report-service", Duration.ofSeconds(30), "budget.events", "evaluation.events");
        section(2021).body("figures.rate", equalTo("70.00")).body("sourceVersion", equalTo(2));
    }
}
