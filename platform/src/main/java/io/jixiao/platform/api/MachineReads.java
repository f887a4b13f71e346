package io.jixiao.platform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The log of every read by a machine client (table machine_read). Requests only queue an entry; a
 * scheduled flush writes them in one JDBC batch, so logging never slows a read or blocks the event loop.
 */
@ApplicationScoped
public class MachineReads {

    private static final Logger LOG = Logger.getLogger(MachineReads.class);

    record Entry(Instant at, String client, String method, String path, int status) {
    }

    private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();
    private final DataSource dataSource;

    public MachineReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void log(String client, String method, String path, int status) {
        pending.add(new Entry(Instant.now(), client, method, path.length() > 2000 ? path.substring(0, 2000) : path,
                status));
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        List<Entry> batch = new ArrayList<>();
        for (Entry e; (e = pending.poll()) != null;) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into machine_read (occurred_at, client, method, path, status) values (?, ?, ?, ?, ?)")) {
            for (Entry e : batch) {
                ps.setTimestamp(1, Timestamp.from(e.at()));
                ps.setString(2, e.client());
                ps.setString(3, e.method());
                ps.setString(4, e.path());
                ps.setInt(5, e.status());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException ex) {
            // Put them back: the next flush retries, nothing is dropped while the database is away.
            pending.addAll(batch);
            LOG.warnf("machine read log: %d entries wait for the database (%s)", batch.size(), ex.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }
}
