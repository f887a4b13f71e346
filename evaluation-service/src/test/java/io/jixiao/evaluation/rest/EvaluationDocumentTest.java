package io.jixiao.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.Events;
import io.jixiao.evaluation.service.EvaluationDocuments;
import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.domain.ScoreCardRow;
import io.jixiao.evaluation.service.EvaluationService;
import io.jixiao.platform.api.DocumentCache;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.security.Caller;
import io.jixiao.testing.KafkaControl;
import io.jixiao.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import io.jixiao.testing.Tier2;

/**
 * The score card is read from the document written when it was scored: the same figures as the rows
 * the district reads, an ETag that changes with the scoring and 304 while it has not, in each language,
 * and one SQL statement per read (it was two reads plus a select and a JSON parse per indicator).
 */
@Tier2
@QuarkusTest
class EvaluationDocumentTest {

    static final String A = TestTokens.SAMPLE_DEPT;
    static final int YEAR = 2041;

    @Inject
    EvaluationService service;
    @Inject
    EvaluationDocuments documents;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManagerFactory emf;
    @Inject
    DocumentCache cache;

    @Test
    void theStoredDocumentIsTheEvaluationWithItsETag() throws Exception {
        String token = TestTokens.department(A);
        publish(1, "6900000.00");
        Response first = await(token, 1);
        String etag = first.header("ETag");
        assertNotNull(etag, "a read carries its ETag");
        assertEquals("private, no-cache", first.header("Cache-Control"));

        // the stored body agrees with the rows the district reads (score_card's total and grade, every
        // indicator_value), and the service's own read after a write answers the same document
        Caller caller = Caller.system("test", A);
        EvaluationDocuments.EvaluationResponse body = mapper.readValue(first.asString(), EvaluationDocuments.EvaluationResponse.class);
        assertAgreesWithRows(body);
        assertEquals(mapper.readTree(first.asString()),
                mapper.readTree(mapper.writeValueAsString(service.get(caller, A, YEAR, Messages.ZH))));

        // unchanged: 304 with no body; a list of tags and a weak form match too
        given().auth().oauth2(token).header("If-None-Match", etag).get(path()).then().statusCode(304).header("ETag", etag);
        // (RestAssured accepts gzip, so the tag it got is already the weak one: W/ once, not twice)
        given().auth().oauth2(token).header("If-None-Match", "\"old\", W/" + etag.replaceFirst("^W/", "")).get(path()).then().statusCode(304);
        given().auth().oauth2(token).header("If-None-Match", "\"old\"").get(path()).then().statusCode(200);

        // English is its own document
        Response en = given().auth().oauth2(token).header("Accept-Language", "en").get(path());
        assertEquals(200, en.statusCode());
        assertNotEquals(etag, en.header("ETag"));
        EvaluationDocuments.EvaluationResponse english = mapper.readValue(en.asString(), EvaluationDocuments.EvaluationResponse.class);
        assertAgreesWithRows(english);
        assertNotEquals(body.score().items().get(0).explanation(), english.score().items().get(0).explanation(),
                "the English document has its own sentences");
        assertEquals(mapper.readTree(en.asString()),
                mapper.readTree(mapper.writeValueAsString(service.get(caller, A, YEAR, Locale.ENGLISH))));

        // a new revision: the old tag no longer matches
        publish(2, "7100000.00");
        Response second = await(token, 2);
        assertNotEquals(etag, second.header("ETag"));
        given().auth().oauth2(token).header("If-None-Match", etag).get(path()).then().statusCode(200);

        // another department's document stays closed
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get(path()).then().statusCode(403);

        // a read is at most one primary-key lookup of the document, then answered from memory: no score card, sheet copy or indicator row is
        // loaded (the scheduler's own statements run meanwhile, so entities are counted, not statements)
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        Map<String, Long> before = loads(stats);
        int reads = 20;
        for (int i = 0; i < reads; i++) {
            given().auth().oauth2(token).get(path()).then().statusCode(200);
        }
        Map<String, Long> after = loads(stats);
        long documentLoads = after.get("EvaluationDocument") - before.get("EvaluationDocument");
        assertTrue(documentLoads <= 1, documentLoads + " document loads for " + reads + " reads (the rest from memory)");
        for (String other : new String[] { "IndicatorValue", "ScoreCardRow", "BudgetSheetCopy" }) {
            assertEquals(0L, after.get(other) - before.get(other), other + " rows loaded by " + reads + " reads");
        }
    }

    /**
     * A client that holds the current card and sends Prefer: wait=N is answered when the card changes (the
     * new card at once, not after N seconds), or with 304 after N seconds; without a current ETag it is
     * answered at once.
     */
    @Test
    void aConditionalReadThatWaitsIsAnsweredWhenTheCardChanges() throws Exception {
        int year = 2046; // a year no other test of this JVM writes (YearEndRushFlowTest has 2043)
        String token = TestTokens.department(A);
        publish(year, 1, "6900000.00");
        String etag = await(token, year, 1).header("ETag");

        long t0 = System.nanoTime();
        given().auth().oauth2(token).header("If-None-Match", etag).header("Prefer", "wait=1").get(path(year)).then()
                .statusCode(304).header("ETag", etag).header("Preference-Applied", "wait=1");
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMs >= 900, "unchanged: 304 after the second asked for, not " + waitedMs + " ms");

        // not waiting without If-None-Match, nor with a tag that is no longer current
        for (String[] h : new String[][] { { "Prefer", "wait=20" }, { "If-None-Match", "\"old\"" } }) {
            t0 = System.nanoTime();
            Response r = given().auth().oauth2(token).header(h[0], h[1]).header("Prefer", "wait=20").get(path(year));
            assertEquals(200, r.statusCode());
            assertEquals(null, r.header("Preference-Applied"));
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered at once");
        }

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                .header("If-None-Match", etag).header("Prefer", "wait=25").get(path(year)));
        String region = EvaluationDocuments.region(A, year);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> cache.isWaitedFor(region)); // the read is waiting
        t0 = System.nanoTime();
        publish(year, 2, "7100000.00");
        Response changed = waiting.get(20, TimeUnit.SECONDS);
        long answeredMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, changed.statusCode());
        assertEquals(2L, changed.jsonPath().getLong("revision"));
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals("wait=25", changed.header("Preference-Applied"));
        assertTrue(answeredMs < 15_000, "answered when the card changed, not at the end of the wait: " + answeredMs + " ms");
    }

    /**
     * A client that accepts gzip gets the stored card compressed (the same JSON once inflated, a fraction of
     * its bytes) with the weak form of the ETag, which it can send back for 304; one that does not, or
     * refuses gzip with q=0, gets the JSON as it is. Both answers say they vary with Accept-Encoding.
     */
    @Test
    void aClientThatAcceptsGzipGetsTheCardCompressed() throws Exception {
        int year = 2047; // a year no other test of this JVM writes
        String token = TestTokens.department(A);
        publish(year, 1, "6900000.00");
        await(token, year, 1);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient(); // sends no Accept-Encoding of its own

        java.net.http.HttpResponse<byte[]> plain = raw(http, token, year, null, null);
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\""), "a strong tag for the JSON as stored: " + etag);
        assertTrue(plain.headers().firstValue("Vary").orElseThrow().contains("Accept-Encoding"));

        java.net.http.HttpResponse<byte[]> zipped = raw(http, token, year, "gzip, deflate, br", null);
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals("W/" + etag, zipped.headers().firstValue("ETag").orElse(null));
        assertTrue(zipped.headers().firstValue("Vary").orElseThrow().contains("Accept-Encoding"));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertTrue(java.util.Arrays.equals(plain.body(), in.readAllBytes()), "inflated, the same bytes as the plain answer");
        }
        assertTrue(zipped.body().length * 4 < plain.body().length,
                zipped.body().length + " bytes compressed for " + plain.body().length);

        assertTrue(raw(http, token, year, "gzip;q=0, identity", null).headers().firstValue("Content-Encoding").isEmpty(),
                "q=0 refuses gzip");
        java.net.http.HttpResponse<byte[]> unchanged = raw(http, token, year, "gzip", "W/" + etag);
        assertEquals(304, unchanged.statusCode(), "the weak tag revalidates");
        assertEquals(0, unchanged.body().length);
    }

    static java.net.http.HttpResponse<byte[]> raw(java.net.http.HttpClient http, String token, int year, String acceptEncoding,
            String ifNoneMatch) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + path(year)))
                .header("Authorization", "Bearer " + token);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The document's total, grade and values are those of score_card and indicator_value, revision 1 or later. */
    static void assertAgreesWithRows(EvaluationDocuments.EvaluationResponse doc) {
        QuarkusTransaction.requiringNew().run(() -> {
            ScoreCardRow row = ScoreCardRow.findById(new BudgetSheetCopy.Key(A, YEAR));
            assertEquals(0, row.total.compareTo(doc.score().total()), "total");
            assertEquals(row.grade, doc.score().grade());
            assertEquals(row.sourceRevision, doc.revision());
            java.util.List<IndicatorValue> values = IndicatorValue.of(A, YEAR);
            assertEquals(values.stream().map(v -> v.code).toList(),
                    doc.indicators().stream().map(EvaluationDocuments.IndicatorResponse::code).toList());
            for (int i = 0; i < values.size(); i++) {
                IndicatorValue v = values.get(i);
                assertEquals(v.value == null ? null : v.value.toPlainString(), doc.indicators().get(i).value(), v.code);
                assertEquals(v.missing, doc.indicators().get(i).missing(), v.code);
            }
        });
    }

    static Map<String, Long> loads(Statistics stats) {
        Map<String, Long> n = new java.util.HashMap<>();
        for (Class<?> c : new Class<?>[] { io.jixiao.evaluation.domain.EvaluationDocument.class,
                io.jixiao.evaluation.domain.IndicatorValue.class, io.jixiao.evaluation.domain.ScoreCardRow.class,
                io.jixiao.evaluation.domain.BudgetSheetCopy.class }) {
            var e = stats.getEntityStatistics(c.getName());
            n.put(c.getSimpleName(), e.getLoadCount() + e.getFetchCount());
        }
        return n;
    }

    static String path() {
        return path(YEAR);
    }

    static String path(int year) {
        return "/api/v1/evaluations/" + A + "/" + year;
    }

    static void publish(long revision, String basicActual) throws Exception {
        publish(YEAR, revision, basicActual);
    }

    static void publish(int year, long revision, String basicActual) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaControl.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("budget.events", A + ":" + year, Events.budget(A, year, revision, basicActual))).get();
        }
    }

    static Response await(String token, long revision) throws InterruptedException {
        return await(token, YEAR, revision);
    }

    static Response await(String token, int year, long revision) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Response r = given().auth().oauth2(token).get(path(year));
            if (r.statusCode() == 200 && Long.valueOf(revision).equals(r.jsonPath().getLong("revision"))) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("revision " + revision + " not scored within 30 s: " + r.statusCode());
            }
            Thread.sleep(20);
        }
    }
}
