package io.jixiao.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.jixiao.platform.work.CoalescingWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent: at-least-once, ordered per key.
 * <ul>
 * <li>A commit that wrote an event wakes the relay at once ({@link #wake()}); the poll is the fallback.
 * All runs happen on one thread, so wakes coalesce and never overlap.</li>
 * <li>A PostgreSQL advisory lock lets only one relay of a service publish at a time, so several
 * instances never reorder a key.</li>
 * <li>Broker unreachable (transient): the batch stops at the first failure and the same rows are
 * retried later; the user's write has long been committed.</li>
 * <li>A row the broker can never take (permanent: too large, invalid): it goes to
 * {@code outbox_dead_letter} with its reason. Later rows of the same key wait behind it (the key's
 * order is kept); every other department keeps flowing.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant identifying "the outbox relay" among advisory locks of this database. */
    private static final long RELAY_LOCK = 0x4a49584941304fL;
    /** Unpublished rows in id order, skipping keys that wait behind a dead letter. */
    private static final String NEXT_BATCH = "select o.* from outbox_event o where o.published_at is null "
            + "and not exists (select 1 from outbox_dead_letter d where d.event_key = o.event_key) "
            + "order by o.id limit ?1";

    private final EntityManager em;
    private final OutboxConfig config;
    private final KafkaClientSettings kafka;
    private final OutboxDeadLetters deadLetters;
    private final Counter published;
    private final Counter failures;
    /** All runs happen on its one thread: wakes coalesce and runs never overlap. */
    private final CoalescingWorker runner = new CoalescingWorker("outbox-relay", Duration.ZERO, this::drain);
    private KafkaProducer<String, String> producer;

    public OutboxRelay(EntityManager em, OutboxConfig config, MeterRegistry registry, OutboxDeadLetters deadLetters,
            KafkaClientSettings kafka) {
        this.em = em;
        this.config = config;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.published = registry.counter("jixiao.outbox.published");
        this.failures = registry.counter("jixiao.outbox.failures", "kind", "transient");
    }

    /** Asks for a relay run now. Cheap and safe from any thread: a burst of commits costs one pass. */
    public void wake() {
        runner.wake();
    }

    @Scheduled(every = "${jixiao.outbox.poll-interval:500ms}", delayed = "1s")
    void tick() {
        wake();
    }

    void onStart(@Observes StartupEvent event) {
        deadLetters.refreshCount();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void housekeeping() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("publishedAt < ?1", cutoff));
    }

    /** Number of rows still waiting (dead letters and the rows behind them included). */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("publishedAt is null"));
    }

    private void drain() {
        try {
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (!batch.stopped() && batch.handled() == config.batchSize() && !runner.stopped());
        } catch (RuntimeException e) {
            // The database is unreachable, say: the next wake or tick tries again.
            LOG.warnf("outbox: relay pass failed (%s); retrying on the next tick", e.getClass().getSimpleName());
        }
    }

    /** What one batch did: rows marked sent, rows moved to dead letters, stopped on a transient failure. */
    record Batch(int sent, int deadLettered, boolean stopped) {
        int handled() {
            return sent + deadLettered;
        }
    }

    /** Publishes one batch inside the caller's transaction. */
    Batch relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new Batch(0, 0, true);
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(NEXT_BATCH, OutboxEvent.class)
                .setParameter(1, config.batchSize()).getResultList();
        if (batch.isEmpty()) {
            return new Batch(0, 0, false);
        }
        // Rows too large for the wire are known before sending: they and their key's later rows are
        // not sent at all, so the key's order holds.
        Set<String> deadKeys = new HashSet<>();
        List<Future<RecordMetadata>> futures = new ArrayList<>(batch.size());
        int sent = 0;
        int dead = 0;
        boolean stoppedOnFailure = false;
        try {
            KafkaProducer<String, String> p = producer();
            for (OutboxEvent row : batch) {
                if (deadKeys.contains(row.eventKey)) {
                    futures.add(null);
                } else if (bytes(row) > config.maxEventBytes()) {
                    deadKeys.add(row.eventKey);
                    futures.add(null);
                } else {
                    futures.add(p.send(new ProducerRecord<>(row.topic, row.eventKey, row.envelope)));
                }
            }
            deadKeys.clear();
            long timeoutMs = config.sendTimeout().toMillis();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < batch.size(); i++) {
                OutboxEvent row = batch.get(i);
                Future<RecordMetadata> future = futures.get(i);
                if (deadKeys.contains(row.eventKey) && future == null) {
                    continue; // waits behind its key's dead letter
                }
                if (future == null) {
                    deadLetter(row, "event of " + bytes(row) + " bytes exceeds jixiao.outbox.max-event-bytes="
                            + config.maxEventBytes());
                    deadKeys.add(row.eventKey);
                    dead++;
                    continue;
                }
                try {
                    future.get(timeoutMs, TimeUnit.MILLISECONDS);
                    if (deadKeys.contains(row.eventKey)) {
                        LOG.warnf("outbox: event %s was published after an earlier event of key %s was refused",
                                row.eventId, row.eventKey);
                    }
                    row.publishedAt = now;
                    sent++;
                } catch (ExecutionException e) {
                    if (isPermanent(e.getCause())) {
                        deadLetter(row, "broker refused: " + e.getCause());
                        deadKeys.add(row.eventKey);
                        dead++;
                    } else {
                        transientFailure(row, sent, batch.size(), e.getCause());
                        stoppedOnFailure = true;
                        break;
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            transientFailure(batch.get(Math.min(sent + dead, batch.size() - 1)), sent, batch.size(), e);
            stoppedOnFailure = true;
        }
        published.increment(sent);
        if (dead > 0) {
            deadLetters.refreshCountAfterCommit(dead);
        }
        return new Batch(sent, dead, stoppedOnFailure);
    }

    /** A failure that retrying the same bytes can never fix. Everything else is retried. */
    static boolean isPermanent(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException || cause instanceof InvalidTopicException
                || cause instanceof SerializationException;
    }

    private static int bytes(OutboxEvent row) {
        return row.envelope.getBytes(StandardCharsets.UTF_8).length;
    }

    private void deadLetter(OutboxEvent row, String reason) {
        LOG.errorf("outbox: event %s (%s, key %s, %d bytes) can never be published: %s. Moved to dead letters; "
                + "later events of this key wait behind it, other keys flow on", row.eventId, row.eventType,
                row.eventKey, bytes(row), reason);
        row.attempts++;
        row.lastError = truncate(reason);
        deadLetters.add(row, truncate(reason));
    }

    private void transientFailure(OutboxEvent row, int sent, int size, Throwable e) {
        row.attempts++;
        row.lastError = truncate(String.valueOf(e));
        failures.increment();
        LOG.warnf("outbox: %d of %d events published; broker not reachable (%s); retrying", sent, size,
                e == null ? "?" : e.getClass().getSimpleName());
        resetProducer();
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000");
            // The relay already batches; waiting for more records only adds latency to every write.
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.topic());
            producer = new KafkaProducer<>(kafka.with(props), new StringSerializer(), new StringSerializer());
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
        runner.stop();
        resetProducer();
    }
}
