package io.jixiao.report.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.outbox.KafkaClientSettings;
import io.jixiao.platform.inbox.InboundEvents;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.service.SummaryRefresher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Rebuilds the read model (budget_view, indicator_view, sheet_view, score_view) from budget.events and
 * evaluation.events read from their beginning: wipes the views and the inbox rows of those topics in one
 * transaction, then applies every record up to the end offsets taken at the start through the same
 * inbox and handlers as the live consumers. Idempotent: a second run gives the same rows. Events that
 * arrive meanwhile are applied once, by whichever path sees them first (the inbox decides), and the
 * version guards keep the newest state. The narrative, filings and batches are not derived and stay.
 * One rebuild at a time across all instances of the service: a PostgreSQL session advisory lock, held on
 * a connection of its own from the start to the end of the run (released by the server should the
 * instance die), refuses a second one with 409 rebuild.running.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    static final List<String> VIEWS = List.of("budget_view", "indicator_view", "sheet_view", "score_view", "summary_row");
    /** Arbitrary constant identifying "the read-model rebuild" among the advisory locks of this database. */
    static final long REBUILD_LOCK = 0x4a495849524d52L;

    @Schema(name = "ReadModelRebuild", description = "What a rebuild replayed and wrote")
    public record Result(@Schema(description = "records read per topic") Map<String, Long> records,
            @Schema(description = "records per inbox outcome (APPLIED, DUPLICATE, …)") Map<String, Long> outcomes,
            @Schema(description = "rows per view after the rebuild") Map<String, Long> rows, long tookMs) {
    }

    private final ReadModelConsumers consumers;
    private final EntityManager em;
    private final AuditTrail audit;
    private final KafkaClientSettings kafka;
    private final ReportConfig config;
    private final DataSource dataSource;
    private final SummaryRefresher summaries;

    public ReadModelRebuild(ReadModelConsumers consumers, EntityManager em, AuditTrail audit, ReportConfig config,
            DataSource dataSource, KafkaClientSettings kafka, SummaryRefresher summaries) {
        this.summaries = summaries;
        this.consumers = consumers;
        this.dataSource = dataSource;
        this.em = em;
        this.audit = audit;
        this.config = config;
        this.kafka = kafka;
    }

    public Result rebuild(Caller caller) {
        if (!caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("rebuild.admin-only");
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) {
                throw ProblemException.conflict("rebuild.running");
            }
            try {
                return run(caller);
            } finally {
                if (!advisory(lock, "pg_advisory_unlock")) {
                    LOG.warn("read-model rebuild lock was not held at the end of the run");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read-model rebuild lock", e);
        }
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select " + function + "(" + REBUILD_LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private Result run(Caller caller) {
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            // assign every partition and take the end offsets before wiping: what is below them is replayed here
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ReadModelConsumers.TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null) {
                    throw ProblemException.conflict("rebuild.failed", topic);
                }
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));

            QuarkusTransaction.requiringNew().run(() -> {
                for (String view : VIEWS) {
                    em.createNativeQuery("delete from " + view).executeUpdate();
                }
                em.createNativeQuery("delete from inbox_event where topic in (?1, ?2)")
                        .setParameter(1, ReadModelConsumers.TOPICS.get(0)).setParameter(2, ReadModelConsumers.TOPICS.get(1))
                        .executeUpdate();
                audit.record("read-model", "rebuild", null, caller.name(),
                        List.of(new AuditTrail.Change("read-model", "live", "rebuilt from " + ReadModelConsumers.TOPICS)));
            });

            Map<String, Long> records = new HashMap<>();
            Map<InboundEvents.Outcome, Long> outcomes = new EnumMap<>(InboundEvents.Outcome.class);
            int idle = 0;
            while (!reached(consumer, end)) {
                var batch = consumer.poll(config.rebuild().pollTimeout());
                if (batch.isEmpty() && ++idle >= 6) {
                    // the end is not reached but nothing has come for six polls: the broker is gone
                    throw new org.apache.kafka.common.KafkaException("no records before the end offsets");
                }
                if (!batch.isEmpty()) {
                    idle = 0;
                }
                for (ConsumerRecord<String, String> r : batch) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.getOrDefault(tp, 0L)) {
                        continue; // newer than the snapshot: the live consumer applies it
                    }
                    records.merge(r.topic(), 1L, Long::sum);
                    outcomes.merge(consumers.apply(r.topic(), r.value()), 1L, Long::sum);
                }
            }
            summaries.drain(); // the summary rows the replay marked: the answer counts them rebuilt
            Map<String, Long> rows = new HashMap<>();
            QuarkusTransaction.requiringNew().run(() -> {
                for (String view : VIEWS) {
                    rows.put(view, ((Number) em.createNativeQuery("select count(*) from " + view).getSingleResult()).longValue());
                }
            });
            Map<String, Long> outcomeNames = new HashMap<>();
            outcomes.forEach((k, v) -> outcomeNames.put(k.name(), v));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.infof("read model rebuilt by %s in %d ms: %s records, %s", caller.name(), ms, records, outcomeNames);
            return new Result(records, outcomeNames, rows, ms);
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.error("read-model rebuild failed", e);
            throw ProblemException.conflict("rebuild.failed", String.join(", ", ReadModelConsumers.TOPICS));
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> props = kafka.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
                ConsumerConfig.CLIENT_ID_CONFIG, "report-service-rebuild"));
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
