package io.jixiao.budget.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.jixiao.platform.outbox.OutboxDeadLetter;
import io.jixiao.platform.outbox.OutboxEvent;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * One department's event that the broker can never take must not stall anyone else: it goes to the
 * dead letters, its own later events wait behind it in order, health says DEGRADED, and an admin can
 * retry it once fixed.
 */
@Tier2
@QuarkusTest
class OutboxPoisonTest {

    static final String POISON_KEY = "poison-dept:2020";

    /** In tests health is on the test port; in a deployment on the management interface (up.sh waits on it). */
    static final String health = "/q/health";

    static OutboxEvent row(String key, String envelope) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = "budget.events";
        row.eventKey = key;
        row.eventType = "PoisonTest";
        row.createdAt = OffsetDateTime.now();
        row.envelope = envelope;
        row.persist();
        return row;
    }

    @Test
    void anOversizedEventIsDeadLetteredWhileOtherDepartmentsFlowAndItsKeyWaitsInOrder() {
        String huge = "{\"type\":\"PoisonTest\",\"pad\":\"" + "x".repeat(2_000_000) + "\"}";
        long[] ids = QuarkusTransaction.requiringNew().call(() -> new long[] {
                row(POISON_KEY, huge).id, row(POISON_KEY, "{\"type\":\"PoisonTest\",\"n\":2}").id });

        // Another department's event, queued after the poison row, must still go out. (Written as a row:
        // every fiscal year of the demo departments is taken by some test of this suite.)
        String other = "{\"type\":\"PoisonTest\",\"other\":\"" + UUID.randomUUID() + "\"}";
        QuarkusTransaction.requiringNew().run(() -> row("other-dept:2020", other));
        TopicReader.await("budget.events", other::equals, Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxDeadLetter.count("eventKey", POISON_KEY)) == 1);
        // the second event of the poisoned key was never sent: it waits behind the dead letter
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(ids[1]).publishedAt));

        // health: the outbox check keeps readiness UP (the service serves everyone) but reads DEGRADED;
        // wellness is DOWN. (Overall readiness also depends on the broker, which another test restarts.)
        given().get(health + "/ready").then()
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.state", equalTo("DEGRADED"))
                .body("checks.find { it.name == 'outbox' }.data.deadLetters", equalTo(1));
        given().get(health + "/well").then().statusCode(503);

        // admins see it with the event waiting behind it; a department does not
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get("/api/v1/budgets/admin/events/dead-letters")
                .then().statusCode(403);
        String deadLetters = given().auth().oauth2(TestTokens.admin()).get("/api/v1/budgets/admin/events/dead-letters")
                .then().statusCode(200).body("find { it.key == '" + POISON_KEY + "' }.waiting", equalTo(1)).extract().asString();
        ContractAssert.assertEachMatches("DeadLetter", deadLetters);
        long deadId = io.restassured.path.json.JsonPath.from(deadLetters).getLong("find { it.key == '" + POISON_KEY + "' }.id");

        // the cause is fixed (here: the row shrunk), the admin retries, both go out in their order
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.update("envelope = ?1 where id = ?2",
                "{\"type\":\"PoisonTest\",\"n\":1}", ids[0]));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/budgets/admin/events/dead-letters/" + deadId + "/retry")
                .then().statusCode(204);
        List<ConsumerRecord<String, String>> records = TopicReader.await("budget.events",
                v -> v.contains("\"n\":2"), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> first = TopicReader.await("budget.events",
                v -> v.contains("\"n\":1"), Duration.ofSeconds(30));
        assertTrue(first.get(0).offset() < records.get(0).offset(), "the key's order is kept");
        given().get(health + "/well").then().statusCode(200);
    }
}
