package io.jixiao.budget.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.outbox.OutboxEvent;
import io.jixiao.testing.KafkaControl;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.jixiao.testing.Tier2;

@Tier2
@QuarkusTest
class OutboxDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final java.nio.file.Path SCHEMA = java.nio.file.Path.of("src/main/resources/schemas/BasicExpenditureChanged.v1.json");

    static String save(int year, String body) {
        return given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).contentType(ContentType.JSON)
                .body(body).put("/api/v1/budgets/" + TestTokens.OTHER_DEPT + "/" + year + "/basic-expenditure")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void aSaveReachesTheTopicAsATypedEventKeyedByFiling() throws Exception {
        save(2023, "{\"budget\":\"5000000.00\",\"actual\":\"4800000.00\"}");
        List<ConsumerRecord<String, String>> records = TopicReader.await("budget.events",
                v -> v.contains("\"fiscalYear\":2023") && v.contains(TestTokens.OTHER_DEPT)
                        && v.contains("\"BasicExpenditureChanged\""), Duration.ofSeconds(30));
        ConsumerRecord<String, String> r = records.get(0);
        assertEquals(TestTokens.OTHER_DEPT + ":2023", r.key());
        SchemaAssert.assertValid(SCHEMA, r.value());
        JsonNode payload = JSON.readTree(r.value()).get("payload");
        assertEquals("-200000.00", payload.get("variance").asText());
        assertEquals("96.00", payload.get("executionRate").asText());
        assertEquals("clerk-02", JSON.readTree(r.value()).get("actor").asText());
    }

    @Test
    void withTheBrokerDownTheSaveSucceedsAndTheEventFollowsWhenItIsBack() throws Exception {
        KafkaControl.stop();
        try {
            save(2024, "{\"budget\":\"100.00\",\"actual\":\"100.00\"}");
            // the write is committed; the relay has tried and failed, and its events wait in the outbox
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                    .count("publishedAt is null and attempts > 0 and eventKey = ?1", TestTokens.OTHER_DEPT + ":2024")) > 0);
            long pending = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                    "publishedAt is null and eventKey = ?1", TestTokens.OTHER_DEPT + ":2024"));
            assertEquals(2, pending, "BasicExpenditureChanged and BudgetFiguresChanged wait in the outbox");
            // writes go on, but the service is not ready: readiness names the broker DOWN (and nothing more)
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'kafka' }.data", nullValue());
        } finally {
            KafkaControl.startBroker();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP")));
        for (String type : List.of("BasicExpenditureChanged", "BudgetFiguresChanged")) {
            List<ConsumerRecord<String, String>> records = TopicReader.await("budget.events",
                    v -> v.contains("\"fiscalYear\":2024") && v.contains(TestTokens.OTHER_DEPT)
                            && v.contains("\"" + type + "\""), Duration.ofSeconds(60));
            assertTrue(records.size() >= 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("publishedAt is null")) == 0);
    }
}
