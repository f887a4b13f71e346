package io.jixiao.evaluation.templates;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.Events;
import io.jixiao.testing.KafkaControl;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * Time from a BudgetFiguresChanged being published (send until the broker's ack) to the new score being
 * readable through the API, over several changes of one department-year. A measurement, printed for the
 * notes: it fails only when a change is not scored at all (30 s), never on a slow machine.
 */
@Tier2
@QuarkusTest
class ScoreLatencyTest {

    static final String A = TestTokens.SAMPLE_DEPT;
    static final int YEAR = 2032;
    static final int RUNS = 15;

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;
    @jakarta.inject.Inject
    jakarta.persistence.EntityManagerFactory emf;

    @Test
    void everyBudgetChangeIsScoredAndTheDelayIsMeasured() throws Exception {
        String token = TestTokens.department(A);
        List<Long> millis = new ArrayList<>();
        org.hibernate.stat.Statistics stats = emf.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        long statementsBefore = stats.getPrepareStatementCount();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaControl.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int revision = 1; revision <= RUNS + 1; revision++) {
                // the basic actual changes each time, so the new revision also means new figures
                String event = Events.budget(A, YEAR, revision, (6_900_000 + revision * 1000) + ".00");
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>("budget.events", A + ":" + YEAR, event)).get();
                long deadline = start + 30_000_000_000L;
                while (true) {
                    Integer seen = given().auth().oauth2(token).get("/api/v1/evaluations/" + A + "/" + YEAR)
                            .then().extract().path("revision");
                    if (seen != null && seen == revision) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("revision " + revision + " not readable within 30 s");
                    }
                    Thread.sleep(10);
                }
                if (revision > 1) { // the first includes the consumer's first assignment of the partition
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("budget event published → new score readable: median %d ms, min %d ms, max %d ms over %d runs: %s%n",
                median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(), millis);
        // statements of the whole run (rescoring, its reads and the polling reads, which are answered from memory
        // once a document is cached): a count that grows is a new query on the path, whatever the machine's speed
        System.out.printf("JDBC statements prepared over the run: %d (%d changes)%n",
                stats.getPrepareStatementCount() - statementsBefore, RUNS + 1);
        // of which the consumer's own work (inbox + rescoring + commit), to tell it from the way there
        io.micrometer.core.instrument.Timer apply = registry.find("jixiao.inbox.apply").tag("topic", "budget.events").timer();
        if (apply != null) {
            System.out.printf("of which applying the event: mean %.1f ms, max %.1f ms over %d events%n",
                    apply.mean(java.util.concurrent.TimeUnit.MILLISECONDS), apply.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                    apply.count());
        }
        assertEquals(RUNS, millis.size());
    }
}
