package io.jixiao.platform.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestDatabases;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * Platform's migrations in their own plain sequence, on real PostgreSQL databases of their own: a new
 * database gets both histories in order; a database of an earlier release, whose single history held
 * platform's migrations as V0_1…V0_4 between the service's, has them moved and renumbered once, with
 * nothing applied again and its data kept.
 */
@Tier2
@QuarkusTest
class PlatformMigrationsTest {

    /** The test app's own migrations, configured as a service's are (platform first, no out-of-order). */
    Flyway service(String jdbcUrl) {
        return PlatformMigrations.withPlatform(Flyway.configure().dataSource(jdbcUrl, TestDatabases.user(), TestDatabases.password())
                .locations("classpath:db/testapp")).load();
    }

    static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aNewDatabaseGetsBothSequencesInOrder() throws Exception {
        String db = TestDatabases.scratch("platform_fresh");
        MigrateResult result = service(db).migrate();
        assertEquals(1, result.migrationsExecuted); // the test app's V1; platform's ran before, in its own history
        try (Connection c = TestDatabases.connect(db)) {
            assertEquals(List.of("1|V1__platform_outbox_inbox_audit.sql", "2|V2__platform_change_feed_machine_reads.sql",
                    "3|V3__platform_dead_letters_housekeeping.sql", "4|V4__platform_document_notify.sql"),
                    rows(c, "select version || '|' || script from platform_schema_history where type = 'SQL' order by installed_rank"));
            assertEquals(List.of("1|V1__note.sql"),
                    rows(c, "select version || '|' || script from flyway_schema_history order by installed_rank"));
        }
        assertEquals(0, service(db).migrate().migrationsExecuted); // a restart applies nothing
    }

    @Test
    void anEarlierReleasesSingleHistoryIsMovedOnceAndNothingRunsAgain() throws Exception {
        String db = TestDatabases.scratch("platform_upgrade");
        service(db).migrate();
        // Turn it into what an earlier release left: one history, platform's rows numbered 0.x, and the
        // last platform migration applied after the service's V1 (as it was: it came later).
        List<String> checksums;
        try (Connection c = TestDatabases.connect(db); Statement st = c.createStatement()) {
            checksums = rows(c, "select checksum from platform_schema_history where type = 'SQL' order by installed_rank");
            st.execute("update flyway_schema_history set installed_rank = 10");
            st.execute("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) select case when version = '4' then 11 "
                    + "else installed_rank end, '0.' || version, description, type, 'V0_' || substr(script, 2), checksum, "
                    + "installed_by, installed_on, execution_time, success from platform_schema_history where type = 'SQL'");
            st.execute("drop table platform_schema_history");
            st.execute("insert into outbox_event (event_id, topic, event_key, event_type, envelope, created_at) "
                    + "values (gen_random_uuid(), 't', 'k', 'Kept', '{}', now())");
        }

        Flyway flyway = service(db);
        assertEquals(0, flyway.migrate().migrationsExecuted);
        flyway.validate(); // the service's history resolves exactly its own files
        try (Connection c = TestDatabases.connect(db)) {
            assertEquals(List.of("1|V1__platform_outbox_inbox_audit.sql", "2|V2__platform_change_feed_machine_reads.sql",
                    "3|V3__platform_dead_letters_housekeeping.sql", "4|V4__platform_document_notify.sql"),
                    rows(c, "select version || '|' || script from platform_schema_history where type = 'SQL' order by installed_rank"));
            assertEquals(checksums, rows(c, "select checksum from platform_schema_history where type = 'SQL' order by installed_rank"));
            assertEquals(List.of("10|1"), rows(c, "select installed_rank || '|' || version from flyway_schema_history"));
            assertFalse(rows(c, "select event_type from outbox_event").isEmpty(), "the outbox row survived");
        }
        // Platform's own history validates against the renamed files too.
        Flyway.configure().dataSource(db, TestDatabases.user(), TestDatabases.password()).locations(PlatformMigrations.LOCATION)
                .table(PlatformMigrations.HISTORY).load().validate();
        assertEquals(0, service(db).migrate().migrationsExecuted);
    }
}
