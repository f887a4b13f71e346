package io.jixiao.platform.testapp;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.inbox.InboundEvents;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.jixiao.testing.Tier2;

/**
 * The platform's outbox, inbox and change feed in an app of its own (testapp/), on the real PostgreSQL
 * and Kafka: a write's event leaves once after commit and never after a rollback, the feed lists it
 * with its payload and scope, and a redelivered event is applied once.
 */
@Tier2
@QuarkusTest
class PlatformEventsTest {

    static final String D = TestTokens.SAMPLE_DEPT;
    static final String FEED = "/api/v1/notes/changes";

    @Inject
    EntityManager em;

    static long write(String department, int year, String text, boolean fail, int status) {
        var response = given().auth().oauth2(TestTokens.department(department)).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"failAfterPublish\":" + fail + "}")
                .post("/api/v1/notes/" + department + "/" + year).then().statusCode(status);
        return status == 200 ? ((Number) response.extract().path("id")).longValue() : -1;
    }

    static List<ConsumerRecord<String, String>> onTopic(String text) {
        return TopicReader.await(NoteConsumer.TOPIC, v -> v.contains("\"text\":\"" + text + "\""), Duration.ofSeconds(30));
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, param).getSingleResult()).longValue());
    }

    @Test
    void aCommittedWriteIsPublishedOnceListedInTheFeedAndConsumedOnce() {
        String text = "committed-" + UUID.randomUUID();
        long id = write(D, 2020, text, false, 200);

        List<ConsumerRecord<String, String>> records = onTopic(text);
        assertEquals(1, records.size(), "one message per committed write");
        assertEquals(D + ":2020", records.get(0).key(), "keyed by department-year, so its events keep their order");
        assertTrue(records.get(0).value().contains("\"type\":\"" + NoteResource.TYPE + "\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from note_applied where note_id = ?1", id) == 1);
        assertEquals(1, count("select count(*) from audit_log where entity_type = 'note' and entity_id = ?1", String.valueOf(id)));

        given().auth().oauth2(TestTokens.financeApi()).queryParam("departmentId", D).queryParam("fiscalYear", 2020)
                .queryParam("type", NoteResource.TYPE).get(FEED).then().statusCode(200)
                .body("items.findAll { it.payload.text == '" + text + "' }", hasSize(1))
                .body("items.find { it.payload.text == '" + text + "' }.payload.noteId", equalTo((int) id))
                .body("items.find { it.payload.text == '" + text + "' }.actor", equalTo("clerk-01"));
    }

    @Test
    void aRolledBackWriteLeavesNoRowNoEventAndNoFeedEntry() {
        String failed = "rolled-back-" + UUID.randomUUID();
        write(D, 2021, failed, true, 400);
        // a later committed write on the same key: once it is on the topic, the failed one would be too
        String after = "after-" + UUID.randomUUID();
        write(D, 2021, after, false, 200);
        onTopic(after);
        assertTrue(TopicReader.await(NoteConsumer.TOPIC, v -> v.contains(after) || v.contains(failed), Duration.ofSeconds(5))
                .stream().noneMatch(r -> r.value().contains(failed)), "an event of a rolled back write was sent");
        assertEquals(0, count("select count(*) from note where text = ?1", failed));
        given().auth().oauth2(TestTokens.financeApi()).queryParam("departmentId", D).queryParam("fiscalYear", 2021)
                .get(FEED).then().statusCode(200)
                .body("items.payload.text", contains(after));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String text = "redelivered-" + UUID.randomUUID();
        long id = write(D, 2022, text, false, 200);
        ConsumerRecord<String, String> first = onTopic(text).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from note_applied where note_id = ?1", id) == 1);
        // the broker delivers it again (a relay retry after a lost ack, a consumer restart before its commit)
        TopicReader.send(NoteConsumer.TOPIC, first.key(), first.value());
        TopicReader.send(NoteConsumer.TOPIC, first.key(), first.value());
        assertEquals(3, onTopic(text).size());
        TopicReader.awaitNoLag("platform-test", Duration.ofSeconds(30), NoteConsumer.TOPIC);
        assertEquals(1, count("select count(*) from note_applied where note_id = ?1", id), "applied once");
    }

    /**
     * A poll's events applied as a batch: of a run of snapshots of one type and key only the newest is
     * applied, the others recorded with it; an event of the key that is no snapshot, or of a version the
     * consumer cannot apply, ends the run. The same batch again applies nothing.
     */
    @Test
    void aBatchAppliesTheNewestOfEachRunOfSnapshotsAndRecordsTheOthers() throws Exception {
        String topic = "platform-test.batch";
        java.util.Map<String, InboundEvents.Handler> handlers = java.util.Map.of(
                "Sheet", new InboundEvents.Handler(1, this::applied, e -> e.payload().get("n").asLong()),
                "Lock", new InboundEvents.Handler(1, this::applied));
        List<EventEnvelope> events = List.of(event("Sheet", 2030, 1, 1), event("Sheet", 2030, 2, 1), event("Lock", 2030, 3, 1),
                event("Sheet", 2030, 4, 1), event("Sheet", 2031, 5, 1), event("Sheet", 2030, 6, 1), event("Sheet", 2030, 7, 1),
                event("Sheet", 2030, 8, 9));
        List<String> messages = new java.util.ArrayList<>();
        for (EventEnvelope e : events) {
            messages.add(mapper.writeValueAsString(e));
        }
        messages.add(5, "{not an envelope");

        inbound.applyAll(topic, messages, handlers);
        // 2 stands for 1 (the Lock after 2 ends their run); 7 stands for 4 and 6 (5 is another year); 8, of a
        // version this consumer cannot apply, is parked and stands for nothing
        assertEquals(List.of(2L, 3L, 5L, 7L), appliedNotes());
        for (int n : List.of(1, 2, 3, 4, 5, 6, 7)) {
            assertEquals(1, count("select count(*) from inbox_event where event_id = ?1", events.get(n - 1).eventId()),
                    "event " + n + " recorded");
        }
        assertEquals(0, count("select count(*) from inbox_event where event_id = ?1", events.get(7).eventId()));
        assertEquals(1, count("select count(*) from parked_event where event_id = ?1", events.get(7).eventId().toString()));

        inbound.applyAll(topic, messages.subList(0, 8), handlers);
        assertEquals(List.of(2L, 3L, 5L, 7L), appliedNotes(), "a batch delivered again applies nothing");

        // one event twice in one poll (a redelivery right behind the original): applied once
        String twice = mapper.writeValueAsString(event("Sheet", 2032, 9, 1));
        inbound.applyAll(topic, List.of(twice, twice), handlers);
        assertEquals(List.of(2L, 3L, 5L, 7L, 9L), appliedNotes());
        // an older state arriving late behind a newer one: the newer one is applied, the older only recorded
        EventEnvelope newer = event("Sheet", 2033, 11, 1);
        EventEnvelope older = event("Sheet", 2033, 10, 1);
        inbound.applyAll(topic, List.of(mapper.writeValueAsString(newer), mapper.writeValueAsString(older)), handlers);
        assertEquals(List.of(2L, 3L, 5L, 7L, 9L, 11L), appliedNotes());
        assertEquals(1, count("select count(*) from inbox_event where event_id = ?1", older.eventId()));
    }

    @Inject
    InboundEvents inbound;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** This run's note ids: base - n, below any id a note gets, apart from other runs' on the same database. */
    private final long base = -1000L * (1 + System.currentTimeMillis() % 1_000_000_000L);

    private EventEnvelope event(String type, int year, long n, int version) {
        return new EventEnvelope(UUID.randomUUID(), type, version, java.time.OffsetDateTime.now(), D, year, "test",
                mapper.createObjectNode().put("n", n));
    }

    private void applied(EventEnvelope e) {
        em.createNativeQuery("insert into note_applied (event_id, note_id) values (?1, ?2)")
                .setParameter(1, e.eventId()).setParameter(2, base - e.payload().get("n").asLong()).executeUpdate();
    }

    /** The n of the events this test's handlers applied, in the order applied (note_applied only grows). */
    @SuppressWarnings("unchecked")
    private List<Long> appliedNotes() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "select note_id from note_applied where note_id <= ?1 and note_id > ?1 - 1000 order by ctid")
                .setParameter(1, base).getResultList()).stream().map(v -> base - v.longValue()).toList());
    }

    @Test
    void theFeedIsScopedAndPagedInCommitOrder() {
        String other = TestTokens.OTHER_DEPT;
        String prefix = "paged-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 3; i++) {
            write(D, 2023, prefix + i, false, 200);
        }
        write(other, 2023, prefix + "other", false, 200);
        // a department's users see their own department's changes only, and cannot ask for another's
        given().auth().oauth2(TestTokens.department(D)).queryParam("fiscalYear", 2023).get(FEED).then().statusCode(200)
                .body("items.departmentId", everyItem(equalTo(D)))
                .body("items.payload.text", contains(prefix + 0, prefix + 1, prefix + 2));
        given().auth().oauth2(TestTokens.department(D)).queryParam("departmentId", other).get(FEED).then().statusCode(403);
        given().get(FEED).then().statusCode(401);

        // the bureau pulls two at a time: every change once, in order, then an empty page with a cursor
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var spec = given().auth().oauth2(TestTokens.financeApi()).queryParam("fiscalYear", 2023).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var json = spec.get(FEED).then().statusCode(200).extract().jsonPath();
            seen.addAll(json.getList("items.payload.text", String.class));
            cursor = json.getString("nextCursor");
        }
        assertEquals(List.of(prefix + 0, prefix + 1, prefix + 2, prefix + "other"), seen);
        org.junit.jupiter.api.Assertions.assertNotNull(cursor, "an empty page still says where to go on");
    }
}
