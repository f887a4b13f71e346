package io.jixiao.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent: at-least-once, ordered per key.
 * A PostgreSQL advisory lock lets only one relay of a service publish at a time, so several
 * instances never reorder a key. When the broker is down the batch stops at the first failure and
 * the same rows are retried on the next tick; the user's write has long been committed.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant identifying "the outbox relay" among advisory locks of this database. */
    private static final long RELAY_LOCK = 0x4a49584941304fL;

    private final EntityManager em;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final Counter published;
    private final Counter failures;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(EntityManager em, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = registry.counter("jixiao.outbox.published");
        this.failures = registry.counter("jixiao.outbox.failures");
    }

    @Scheduled(every = "${jixiao.outbox.poll-interval:500ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
        } while (sent == config.batchSize());
    }

    @Scheduled(every = "1h", delayed = "1m")
    void housekeeping() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("publishedAt < ?1", cutoff));
    }

    /** Number of rows still waiting; exposed for health details and tests. */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("publishedAt is null"));
    }

    /** Publishes one batch inside the caller's transaction; returns how many rows were marked sent. */
    int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("publishedAt is null order by id")
                .page(0, config.batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        // Send the whole batch, then wait in order: the idempotent producer keeps per-partition order.
        List<Future<RecordMetadata>> futures = new ArrayList<>(batch.size());
        int sent = 0;
        try {
            KafkaProducer<String, String> p = producer();
            for (OutboxEvent row : batch) {
                futures.add(p.send(new ProducerRecord<>(row.topic, row.eventKey, row.envelope)));
            }
            long timeoutMs = config.sendTimeout().toMillis();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < futures.size(); i++) {
                futures.get(i).get(timeoutMs, TimeUnit.MILLISECONDS);
                batch.get(i).publishedAt = now;
                sent++;
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            OutboxEvent failed = batch.get(sent);
            failed.attempts++;
            failed.lastError = String.valueOf(e.getMessage());
            failures.increment();
            LOG.warnf("outbox: %d of %d events published, broker not reachable (%s); retrying",
                    sent, batch.size(), e.getClass().getSimpleName());
            resetProducer();
        }
        published.increment(sent);
        return sent;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.topic());
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** A producer that timed out may hold half-sent state; start clean on the next attempt. */
    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        resetProducer();
    }
}
