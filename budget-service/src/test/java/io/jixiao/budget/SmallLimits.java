package io.jixiao.budget;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with small limits, so that tests reach them in a few requests: a machine client's rate bucket of 5
 * (1 a second) and an import queue of 2,000 bytes on disk (Retry-After 45 s). One profile for RateLimitTest,
 * ImportLimitsTest and FreshStackAfterRestartTest: one Quarkus start for the three, where two profiles took two
 * (about 10 s each in CI). Neither limit touches the other's test: the rate test calls as finance-api and the
 * reviewer, the import test as a department clerk.
 */
public class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("jixiao.api.rate-limit.enabled", "true",
                "jixiao.api.rate-limit.machine.capacity", "5",
                "jixiao.api.rate-limit.machine.per-second", "1",
                "jixiao.import.max-queued-bytes", "2000",
                "jixiao.import.retry-after-seconds", "45");
    }
}
