package io.jixiao.platform.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Token buckets per caller and service instance (限流). In-memory on purpose: one bucket per
 * instance is enough to protect a service; a deployment with several replicas documents the
 * combined rate.
 */
@ApplicationScoped
public class RateLimiter {

    /** Refused: the caller may retry after {@code retryAfterSeconds}. */
    public record Decision(boolean allowed, long retryAfterSeconds, long remaining) {
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public Decision take(String caller, ApiConfig.Bucket limits) {
        return buckets.computeIfAbsent(caller, k -> new Bucket(limits.capacity())).take(limits, System.nanoTime());
    }

    static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        synchronized Decision take(ApiConfig.Bucket limits, long now) {
            double elapsed = (now - refilledAt) / 1e9;
            tokens = Math.min(limits.capacity(), tokens + elapsed * limits.perSecond());
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, 0, (long) tokens);
            }
            long wait = (long) Math.ceil((1 - tokens) / limits.perSecond());
            return new Decision(false, Math.max(1, wait), 0);
        }
    }
}
