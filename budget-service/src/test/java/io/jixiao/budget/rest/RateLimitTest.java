package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.jixiao.budget.SmallLimits;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.jixiao.testing.Tier2;

/** The documented rate limit (限流): a burst, then 429 with Retry-After, per caller. */
@Tier2
@QuarkusTest
@TestProfile(SmallLimits.class)
class RateLimitTest {


    @Test
    void aMachineClientBeyondItsBurstGets429WithRetryAfter() throws Exception {
        String token = TestTokens.financeApi();
        // 20 requests at once: the burst of 5 passes, the rest (less what refilled meanwhile) is refused.
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(pool.submit(() -> as(token).queryParam("fiscalYear", 2020).get("/api/v1/budgets")));
        }
        List<Response> refused = new ArrayList<>();
        int ok = 0;
        for (Future<Response> f : calls) {
            Response r = f.get(1, TimeUnit.MINUTES);
            if (r.statusCode() == 200) {
                ok++;
            } else {
                refused.add(r);
            }
        }
        pool.shutdown();
        assertTrue(ok >= 5, "the burst passes, was " + ok);
        assertFalse(refused.isEmpty(), "beyond the burst requests are refused");
        for (Response r : refused) {
            r.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate.limited"));
            assertTrue(Long.parseLong(r.getHeader("Retry-After")) >= 1);
        }
        // another caller has its own bucket
        as(TestTokens.reviewer()).queryParam("fiscalYear", 2020).get("/api/v1/budgets").then().statusCode(200);
    }
}
