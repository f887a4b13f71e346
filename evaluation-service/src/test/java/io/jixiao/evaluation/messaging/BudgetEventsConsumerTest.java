package io.jixiao.evaluation.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.inbox.ParkedEvent;
import io.jixiao.platform.outbox.OutboxEvent;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Consumes budget.events exactly as budget-service publishes them (checked against its schema). */
@QuarkusTest
class BudgetEventsConsumerTest {

    static final String DEPT = TestTokens.SAMPLE_DEPT;

    static String event(UUID id, int schemaVersion, int year, String budget, String actual, String variance,
            long version) {
        return """
                {"eventId":"%s","type":"BasicExpenditureChanged","schemaVersion":%d,"occurredAt":"2026-11-25T10:00:00Z",
                 "departmentId":"%s","fiscalYear":%d,"actor":"zfw",
                 "payload":{"budget":"%s","actual":"%s","variance":"%s","executionRate":null,"version":%d}}"""
                .formatted(id, schemaVersion, DEPT, year, budget, actual, variance, version);
    }

    static void publish(String event, int year) {
        TopicReader.send("budget.events", DEPT + ":" + year, event);
    }

    static long computedEvents(int year) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventKey = ?1", DEPT + ":" + year));
    }

    static void awaitRate(int year, String rate, long version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(DEPT))
                .get("/api/v1/evaluations/" + DEPT + "/" + year).then().statusCode(200)
                .body("sourceVersion", equalTo((int) version))
                .body("indicators.find { it.code == 'budget-completion-rate' }.value", equalTo(rate)));
    }

    @Test
    void sampleFiguresScore109_60WithExplanationAndPublishTheScore() {
        String e = event(UUID.randomUUID(), 1, 2020, "6378800.00", "6991300.00", "612500.00", 0);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BasicExpenditureChanged", 1), e);
        publish(e, 2020);
        awaitRate(2020, "109.60", 0);
        given().auth().oauth2(TestTokens.department(DEPT)).get("/api/v1/evaluations/" + DEPT + "/2020").then()
                .body("indicators[0].formula", equalTo("预算完成数 / 预算数 × 100%"))
                .body("indicators[0].inputs[0].value", equalTo("6991300.00"))
                .body("indicators[0].missing", equalTo(false));
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT))
                .get("/api/v1/evaluations/" + DEPT + "/2020").then().statusCode(403);

        String published = TopicReader.await("evaluation.events",
                v -> v.contains("\"fiscalYear\":2020") && v.contains(DEPT), Duration.ofSeconds(30)).get(0).value();
        SchemaAssert.assertValid(java.nio.file.Path.of("src/main/resources/schemas/IndicatorsComputed.v1.json"), published);
    }

    @Test
    void aDuplicatedEventChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String e = event(id, 1, 2021, "100.00", "50.00", "-50.00", 3);
        publish(e, 2021);
        awaitRate(2021, "50.00", 3);
        assertEquals(1, computedEvents(2021));
        publish(e, 2021); // redelivered
        // an event published after it shows the duplicate has been consumed by then
        publish(event(UUID.randomUUID(), 1, 2021, "100.00", "80.00", "-20.00", 4), 2021);
        awaitRate(2021, "80.00", 4);
        assertEquals(2, computedEvents(2021), "the duplicate must not have rescored");
    }

    @Test
    void anOlderVersionArrivingLateDoesNotOverwrite() {
        publish(event(UUID.randomUUID(), 1, 2022, "100.00", "90.00", "-10.00", 7), 2022);
        awaitRate(2022, "90.00", 7);
        publish(event(UUID.randomUUID(), 1, 2022, "100.00", "10.00", "-90.00", 6), 2022);
        publish(event(UUID.randomUUID(), 1, 2022, "100.00", "95.00", "-5.00", 8), 2022);
        awaitRate(2022, "95.00", 8);
    }

    @Test
    void anUnknownSchemaVersionIsParkedAndTheConsumerGoesOn() {
        UUID id = UUID.randomUUID();
        publish(event(id, 99, 2023, "100.00", "1.00", "-99.00", 1), 2023);
        publish("not json at all", 2023);
        publish(event(UUID.randomUUID(), 1, 2023, "200.00", "100.00", "-100.00", 2), 2023);
        awaitRate(2023, "50.00", 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ParkedEvent.count("eventId = ?1", id.toString())) == 1);
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> ParkedEvent.count("reason like 'unreadable%' and message = 'not json at all'")));
    }
}
