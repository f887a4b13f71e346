package io.jixiao.report.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.jixiao.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.jixiao.testing.Tier2;

/** Eight clerks save the first narrative of a year at the same moment: one wins, the others get 409, none 500. */
@Tier2
@QuarkusTest
class ConcurrentFirstWriteTest {

    @Test
    void concurrentFirstNarrativeSavesGiveOne200AndOnly409s() throws Exception {
        String d = TestTokens.SAMPLE_DEPT;
        int y = 2031;
        String url = "/api/v1/reports/" + d + "/" + y;
        TopicReader.send("budget.events", d + ":" + y, ReportResourceTest.figuresEvent(y));
        TopicReader.send("evaluation.events", d + ":" + y, ReportResourceTest.scoredEvent(y));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(d))
                .get(url).then().statusCode(200).body("scoreRevision", equalTo(9)));

        String token = TestTokens.department(d);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "{\"goals\":\"第 " + i + " 位填报人\",\"problems\":[],\"measures\":[],\"version\":null}";
            Callable<Integer> save = () -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(url + "/narrative")
                        .then().extract().statusCode();
            };
            answers.add(pool.submit(save));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> a : answers) {
            statuses.add(a.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }
}
