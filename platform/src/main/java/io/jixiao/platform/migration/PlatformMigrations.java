package io.jixiao.platform.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two plain migration sequences per database, so Flyway never needs out-of-order:
 * <ul>
 * <li>platform's tables (outbox, inbox, audit, change feed, dead letters, document notifications):
 * {@code db/platform} V1, V2, … recorded in {@value #HISTORY};</li>
 * <li>the service's own: {@code db/migration} V1, V2, … in Flyway's default history table.</li>
 * </ul>
 * Platform's sequence is brought up to date first, because service migrations use its objects (the
 * document tables' triggers call {@code jixiao_document_changed()}). A platform migration added later is
 * simply the next platform version; it no longer lands below a service's applied ones.
 * <p>
 * Databases of earlier releases kept one history, with platform's migrations numbered V0_1…V0_4 beside the
 * service's. On the first start of this release their rows move to {@value #HISTORY} as versions 1…4 (the
 * files' contents, hence checksums, are unchanged), in one transaction, so nothing runs twice.
 */
@ApplicationScoped
public class PlatformMigrations implements FlywayConfigurationCustomizer {

    public static final String HISTORY = "platform_schema_history";
    public static final String LOCATION = "classpath:db/platform";
    /** Arbitrary constant: one instance at a time moves the earlier history. */
    private static final long MOVE_LOCK = 0x4a49584941304dL;

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] all = Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = new PlatformFirst();
        configuration.callbacks(all);
    }

    /**
     * Before the service's validation: an earlier release's history is moved (else its V0_x rows would
     * not resolve). Before the service's migration: platform's sequence runs. Not earlier, because Flyway
     * refuses a schema that holds tables but no history of its own, and on a new database the service's
     * history is created only after validation.
     */
    static final class PlatformFirst implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true; // it works on connections of its own
        }

        @Override
        public void handle(Event event, Context context) {
            if (event == Event.BEFORE_VALIDATE) {
                moveEarlierHistory(context.getConfiguration());
            } else {
                migrate(context.getConfiguration());
            }
        }

        @Override
        public String getCallbackName() {
            return "jixiao-platform-first";
        }
    }

    /** The service configuration with platform's sequence run first (for Flyway instances built by hand). */
    public static FluentConfiguration withPlatform(FluentConfiguration service) {
        new PlatformMigrations().customize(service);
        return service;
    }

    /** Brings platform's sequence of the service's database and schema up to date. Idempotent. */
    public static void migrate(Configuration service) {
        moveEarlierHistory(service);
        Flyway.configure(service.getClassLoader()).dataSource(service.getDataSource())
                .schemas(service.getSchemas()).defaultSchema(service.getDefaultSchema())
                .locations(LOCATION).table(HISTORY)
                // the service's history table already sits in the schema (created before this callback):
                // platform's history starts with a baseline row at 0, so its V1 is the first applied
                .baselineOnMigrate(true).baselineVersion("0").baselineDescription("before platform V1")
                .load().migrate();
    }

    private static void moveEarlierHistory(Configuration service) {
        try (Connection c = service.getDataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select pg_advisory_xact_lock(" + MOVE_LOCK + ")");
                String schema = schema(service, st);
                String own = schema + "." + quote(service.getTable());
                String platform = schema + "." + quote(HISTORY);
                if (exists(st, own) && !exists(st, platform) && hasEarlierRows(st, own)) {
                    st.execute("create table " + platform + " (like " + own + " including all)");
                    // V0_3__x.sql, version 0.3 -> V3__x.sql, version 3; order of application kept
                    st.execute("insert into " + platform + " (installed_rank, version, description, type, script, "
                            + "checksum, installed_by, installed_on, execution_time, success) "
                            + "select row_number() over (order by installed_rank), substr(version, 3), description, "
                            + "type, 'V' || substr(script, 4), checksum, installed_by, installed_on, execution_time, "
                            + "success from " + own + " where version like '0.%'");
                    st.execute("delete from " + own + " where version like '0.%'");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new FlywayException("moving platform's migration history to " + HISTORY + " failed", e);
        }
    }

    private static String schema(Configuration service, Statement st) throws SQLException {
        if (service.getDefaultSchema() != null) {
            return quote(service.getDefaultSchema());
        }
        if (service.getSchemas().length > 0) {
            return quote(service.getSchemas()[0]);
        }
        try (ResultSet rs = st.executeQuery("select current_schema()")) {
            rs.next();
            return quote(rs.getString(1));
        }
    }

    private static boolean exists(Statement st, String qualified) throws SQLException {
        try (ResultSet rs = st.executeQuery("select to_regclass('" + qualified.replace("'", "''") + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static boolean hasEarlierRows(Statement st, String history) throws SQLException {
        try (ResultSet rs = st.executeQuery("select exists (select 1 from " + history + " where version like '0.%')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
