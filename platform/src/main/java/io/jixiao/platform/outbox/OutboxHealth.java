package io.jixiao.platform.outbox;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox in health: readiness stays UP with dead letters (the service still serves everyone, and
 * taking every replica out of the load balancer would stop all departments for one bad event) but its
 * state reads DEGRADED with the count; wellness ({@code /q/health/well}) is DOWN so monitoring alerts.
 */
public final class OutboxHealth {

    private OutboxHealth() {
    }

    static HealthCheckResponse state(String name, long deadLetters, boolean downWhenDegraded) {
        boolean degraded = deadLetters > 0;
        return HealthCheckResponse.named(name).status(!(degraded && downWhenDegraded))
                .withData("state", degraded ? "DEGRADED" : "OK").withData("deadLetters", deadLetters).build();
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final OutboxDeadLetters deadLetters;

        public Ready(OutboxDeadLetters deadLetters) {
            this.deadLetters = deadLetters;
        }

        @Override
        public HealthCheckResponse call() {
            return state("outbox", deadLetters.count(), false);
        }
    }

    @Wellness
    @ApplicationScoped
    public static class Well implements HealthCheck {
        private final OutboxDeadLetters deadLetters;

        public Well(OutboxDeadLetters deadLetters) {
            this.deadLetters = deadLetters;
        }

        @Override
        public HealthCheckResponse call() {
            return state("outbox", deadLetters.count(), true);
        }
    }
}
