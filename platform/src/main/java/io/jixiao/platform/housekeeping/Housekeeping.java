package io.jixiao.platform.housekeeping;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Deletes the platform's bookkeeping rows past their retention (HousekeepingConfig), in small batches. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final EntityManager em;
    private final HousekeepingConfig config;

    public Housekeeping(EntityManager em, HousekeepingConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Purges every table once; returns the rows deleted per table. Safe on several instances at once. */
    public Map<String, Long> run() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("inbox_event", purge("inbox_event", "processed_at", config.inbox()));
        deleted.put("parked_event", purge("parked_event", "parked_at", config.parked()));
        deleted.put("machine_read", purge("machine_read", "occurred_at", config.machineReads()));
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            LOG.infof("housekeeping: deleted %s", deleted);
        }
        return deleted;
    }

    private long purge(String table, String column, Duration retention) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        long total = 0;
        int n;
        do {
            // table and column are constants of this class, never input
            n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from " + table
                    + " where ctid in (select ctid from " + table + " where " + column + " < ?1 limit ?2)")
                    .setParameter(1, cutoff).setParameter(2, config.batchSize()).executeUpdate());
            total += n;
        } while (n == config.batchSize());
        return total;
    }
}
