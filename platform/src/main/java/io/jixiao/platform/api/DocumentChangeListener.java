package io.jixiao.platform.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Listens on the channel the document tables' triggers notify (jixiao_documents; payload: the region
 * of the changed row) and drops those regions from the {@link DocumentCache}. One connection, held by
 * a daemon thread; while it is down (the database restarts, say) the cache is not trusted and reads
 * go to the database, and it reconnects every second.
 */
@ApplicationScoped
public class DocumentChangeListener {

    static final String CHANNEL = "jixiao_documents";
    private static final Logger LOG = Logger.getLogger(DocumentChangeListener.class);
    /** How long one wait for notifications lasts; a liveness query runs between waits. */
    private static final int WAIT_MS = 5_000;

    private final DataSource dataSource;
    private final DocumentCache cache;
    private volatile boolean running;
    private Thread thread;

    public DocumentChangeListener(DataSource dataSource, DocumentCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    void onStart(@Observes StartupEvent event) {
        if (!cache.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "document-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                cache.trust(true); // from here on every commit of any instance is heard
                warned = false;
                LOG.debug("document cache: listening for changes");
                while (running) {
                    PGNotification[] changes = pg.getNotifications(WAIT_MS);
                    if (changes != null) {
                        for (PGNotification n : changes) {
                            String region = n.getParameter();
                            if (region.indexOf(':') < 0) {
                                cache.clear(); // a table was truncated
                            } else {
                                cache.invalidate(region);
                            }
                        }
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT 1"); // a dead connection shows here even when nothing is notified
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.trust(false);
                if (!warned && running) {
                    LOG.warnf("document cache: not listening (%s); reads go to the database until it reconnects",
                            e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
        cache.trust(false);
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
