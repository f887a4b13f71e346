package io.jixiao.platform.outbox;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Readiness covers the broker: the service can take writes without it, but is not fully ready. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final KafkaClientSettings kafka;
    private Admin admin;

    public KafkaReadinessCheck(KafkaClientSettings kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            admin().describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return HealthCheckResponse.up("kafka");
        } catch (Exception e) {
            // No addresses or exception text in the body: health answers without a token.
            return HealthCheckResponse.down("kafka");
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka.with(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000)));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
