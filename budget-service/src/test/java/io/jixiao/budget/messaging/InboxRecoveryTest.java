package io.jixiao.budget.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.jixiao.budget.domain.FilingLock;
import io.jixiao.platform.inbox.InboundEvents;
import io.jixiao.platform.inbox.ParkedEvent;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/** Transient failures are retried, never parked; parked events can be listed and replayed by an admin. */
@Tier2
@QuarkusTest
class InboxRecoveryTest {

    @Inject
    InboundEvents inbound;

    static String envelope(UUID id, String type, int schemaVersion, String dept, int year) {
        return io.jixiao.testing.TestEvents.envelope(id, type, schemaVersion, "2026-01-01T00:00:00Z", dept, year, "test", "{}");
    }

    @Test
    void aDeadlockIsRetriedUntilTheEffectSucceedsAndIsAppliedOnce() {
        AtomicInteger calls = new AtomicInteger();
        Map<String, InboundEvents.Handler> handlers = Map.of("Flaky", new InboundEvents.Handler(1, e -> {
            if (calls.incrementAndGet() <= 2) {
                throw new RuntimeException("wrapped", new SQLException("deadlock detected", "40P01"));
            }
        }));
        UUID id = UUID.randomUUID();
        long parkedBefore = QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count());
        assertEquals(InboundEvents.Outcome.APPLIED, inbound.apply("test.flaky", envelope(id, "Flaky", 1, "x", 2020), handlers));
        assertEquals(3, calls.get());
        assertEquals(parkedBefore, QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count()));
        // delivered again: the inbox remembers it
        assertEquals(InboundEvents.Outcome.DUPLICATE, inbound.apply("test.flaky", envelope(id, "Flaky", 1, "x", 2020), handlers));
        assertEquals(3, calls.get());
    }

    @Test
    void aPermanentFailureIsParkedAndAnAdminCanReplayItOnceTheConsumerUnderstandsIt() {
        String dept = TestTokens.OTHER_DEPT;
        UUID id = UUID.randomUUID();
        // a FilingSubmitted of a schema version this build does not know yet: parked, not applied
        String future = envelope(id, FilingEventsConsumer.SUBMITTED, 9, dept, 2011);
        assertEquals(InboundEvents.Outcome.PARKED, inbound.apply("report.events", future, Map.of(
                FilingEventsConsumer.SUBMITTED, new InboundEvents.Handler(1, e -> { }))));
        // a message that is no event at all is parked too, without the envelope's fields
        assertEquals(InboundEvents.Outcome.PARKED, inbound.apply("report.events", "not an event", Map.of()));
        String parked = given().auth().oauth2(TestTokens.admin()).get("/api/v1/budgets/admin/events/parked")
                .then().statusCode(200).body("find { it.reason.startsWith('unreadable') }.eventId", nullValue())
                .extract().asString();
        // both, the readable one and the unreadable one, are the contract's ParkedEvent
        ContractAssert.assertEachMatches("ParkedEvent", parked);
        long parkedId = io.restassured.path.json.JsonPath.from(parked).getLong("find { it.eventId == '" + id + "' }.id");
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/budgets/admin/events/parked").then().statusCode(403);

        // replayed as it is: the consumer still cannot read version 9, so it is parked again, counted
        ContractAssert.assertMatches("ParkedReplay", given().auth().oauth2(TestTokens.admin())
                .post("/api/v1/budgets/admin/events/parked/" + parkedId + "/replay")
                .then().statusCode(200).body("outcome", equalTo("PARKED")).extract().asString());
        ParkedEvent again = QuarkusTransaction.requiringNew().call(
                () -> ParkedEvent.<ParkedEvent>find("eventId", id.toString()).singleResult());
        assertEquals(1, again.replays);

        // the stored message is corrected to a version the consumer reads (as after an upgrade): applied
        QuarkusTransaction.requiringNew().run(() -> ParkedEvent.update("message = ?1 where id = ?2",
                envelope(id, FilingEventsConsumer.SUBMITTED, 1, dept, 2011), again.id));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/budgets/admin/events/parked/" + again.id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertEquals(true, QuarkusTransaction.requiringNew().call(
                () -> FilingLock.<FilingLock>findById(new FilingLock.Key(dept, 2011)).locked));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("eventId", id.toString())));
    }
}
