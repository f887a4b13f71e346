package io.jixiao.budget.messaging;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.budget.domain.FilingLock;
import io.jixiao.testing.SchemaAssert;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.jixiao.testing.Tier2;

/**
 * The lock of a submitted department-year against concurrent writes, on the real database and broker:
 * the confirmed revision is exactly the data that stays locked, whatever raced with the lock.
 */
@Tier2
@QuarkusTest
class FilingLockTest {

    static final String D = TestTokens.OTHER_DEPT;
    static final ObjectMapper JSON = new ObjectMapper();

    static String clerk() {
        return TestTokens.department(D);
    }

    static String url(int year) {
        return "/api/v1/budgets/" + D + "/" + year + "/basic-expenditure";
    }

    static void submit(int year, int filingVersion) {
        TestEvents.send("report.events", D, year, TestEvents.filing("FilingSubmitted", 1, D, year, filingVersion));
    }

    /** The confirmation of this submission, checked against our own schema. */
    static JsonNode confirmation(int year, int filingVersion) throws Exception {
        String value = TopicReader.await("budget.events", v -> v.contains("\"FilingLockConfirmed\"")
                && v.contains("\"fiscalYear\":" + year) && v.contains(D) && v.contains("\"filingVersion\":" + filingVersion),
                Duration.ofSeconds(30)).get(0).value();
        SchemaAssert.assertValid(Path.of("src/main/resources/schemas/FilingLockConfirmed.v1.json"), value);
        return JSON.readTree(value).get("payload");
    }

    static Object[] row(int year) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) FilingLock.getEntityManager()
                .createNativeQuery("select revision, locked from filing where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, D).setParameter(2, year).getSingleResult());
    }

    static long revision(int year) {
        return ((Number) row(year)[0]).longValue();
    }

    static boolean locked(int year) {
        return (Boolean) row(year)[1];
    }

    /** Waits until some session of our database waits for a row lock (the one the test holds). */
    static void awaitLockWait() {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) FilingLock
                .getEntityManager().createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and datname = current_database()").getSingleResult()).intValue() > 0));
    }

    /**
     * Holds the filing row in a transaction of its own, running the statement on it (what a write or the
     * lock does at the database), until released; returns the running transaction.
     */
    static CompletableFuture<Void> holdRow(int year, String set, CountDownLatch held, CountDownLatch release) {
        return CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            FilingLock.getEntityManager().createNativeQuery("update filing set " + set
                    + " where department_id = ?1 and fiscal_year = ?2").setParameter(1, D).setParameter(2, year)
                    .executeUpdate();
            held.countDown();
            try {
                assertTrue(release.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void writesRacingWithTheLockAreEitherInsideTheConfirmedRevisionOrRefused() throws Exception {
        int year = 2025; // years of OTHER_DEPT no other test uses: this one stays locked
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"1.00\"}").put(url(year)).then().statusCode(200);
        long start = revision(year);
        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<String> writer = CompletableFuture.supplyAsync(() -> {
            long version = 0;
            for (int i = 2; i < 10_000; i++) {
                Response r = as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"" + i + ".00\",\"version\":" + version + "}")
                        .put(url(year));
                if (r.statusCode() != 200) {
                    return r.statusCode() + " " + r.jsonPath().getString("code");
                }
                version = r.jsonPath().getLong("version");
                accepted.incrementAndGet();
            }
            return "never refused";
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= 3);
        submit(year, 1);
        JsonNode confirmed = confirmation(year, 1);
        assertEquals("409 filing.locked", writer.get(60, TimeUnit.SECONDS));
        // every accepted write is inside the confirmed revision, and nothing moved after it
        assertEquals(start + accepted.get(), confirmed.get("revision").asLong());
        assertEquals(confirmed.get("revision").asLong(), revision(year));
        assertEquals("budget", confirmed.get("service").asText());
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"1.00\",\"version\":0}").put(url(year)).then().statusCode(409);
    }

    @Test
    void theLockNeverWritesBackAStaleRevision() throws Exception {
        int year = 2021;
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"1.00\"}").put(url(year)).then().statusCode(200);
        long before = revision(year);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a write in flight: it holds the row and bumps the revision, the lock event arrives meanwhile
        CompletableFuture<Void> write = holdRow(year, "revision = revision + 1", held, release);
        assertTrue(held.await(30, TimeUnit.SECONDS));
        submit(year, 2);
        awaitLockWait();
        release.countDown();
        write.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> locked(year));
        assertEquals(before + 1, revision(year), "the consumer wrote back the revision it read before the write");
        assertEquals(before + 1, confirmation(year, 2).get("revision").asLong());
    }

    @Test
    void aProfileChangeNeitherClearsAConcurrentLockNorRepublishesALockedYear() throws Exception {
        int year = 2022;
        as(clerk()).body("{\"budget\":\"100.00\",\"actual\":\"1.00\"}").put(url(year)).then().statusCode(200);
        long before = revision(year);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the lock being applied (what the consumer's transaction does to the row) while the profile is saved
        CompletableFuture<Void> lock = holdRow(year, "locked = true, locked_at = now()", held, release);
        assertTrue(held.await(30, TimeUnit.SECONDS));
        String dept = "/api/v1/departments/" + D;
        int version = as(clerk()).get(dept).then().statusCode(200).extract().path("version");
        CompletableFuture<Integer> profile = CompletableFuture.supplyAsync(() -> as(clerk())
                .body("{\"name\":\"长沙市望城区教育局 " + UUID.randomUUID().toString().substring(0, 4)
                        + "\",\"duties\":[\"统筹教育发展\"],\"divisions\":[\"办公室\"],\"version\":" + version + "}")
                .put(dept).statusCode());
        awaitLockWait();
        release.countDown();
        lock.get(30, TimeUnit.SECONDS);
        assertEquals(200, profile.get(30, TimeUnit.SECONDS));
        assertTrue(locked(year), "the profile's republish cleared the lock");
        assertEquals(before, revision(year), "a locked year got a new revision");
        // and a later profile change leaves the locked year alone too
        as(clerk()).body("{\"name\":\"长沙市望城区教育局\",\"duties\":[\"统筹教育发展\"],\"divisions\":[\"办公室\"],\"version\":"
                + (version + 1) + "}").put(dept).then().statusCode(200);
        assertEquals(before, revision(year));
        assertTrue(locked(year));
    }
}
