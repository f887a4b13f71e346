package io.jixiao.budget.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.housekeeping.Housekeeping;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/** Inbox, parked events and machine reads past their retention go; newer rows and the audit trail stay. */
@Tier2
@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    DataSource dataSource;

    void sql(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.execute();
        }
    }

    long count(String sql, Object arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void rowsPastTheirRetentionAreDeletedAndNewerOnesKept() throws Exception {
        UUID old = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        sql("insert into inbox_event values (?, 't', 'T', now() - interval '31 days')", old);
        sql("insert into inbox_event values (?, 't', 'T', now())", fresh);
        sql("insert into parked_event (event_id, topic, message, reason, parked_at) values (?, 't', '{}', 'r', now() - interval '91 days')", old.toString());
        sql("insert into parked_event (event_id, topic, message, reason, parked_at) values (?, 't', '{}', 'r', now())", fresh.toString());
        sql("insert into machine_read (occurred_at, client, method, path, status) values (now() - interval '401 days', ?, 'GET', '/x', 200)", old.toString());
        sql("insert into machine_read (occurred_at, client, method, path, status) values (now(), ?, 'GET', '/x', 200)", fresh.toString());
        sql("insert into audit_log (occurred_at, actor, entity_type, entity_id, field) values (now() - interval '1000 days', 'a', 'housekeeping-test', ?, 'f')", old.toString());

        housekeeping.run();

        assertEquals(0, count("select count(*) from inbox_event where event_id = ?", old));
        assertEquals(1, count("select count(*) from inbox_event where event_id = ?", fresh));
        assertEquals(0, count("select count(*) from parked_event where event_id = ?", old.toString()));
        assertEquals(1, count("select count(*) from parked_event where event_id = ?", fresh.toString()));
        assertEquals(0, count("select count(*) from machine_read where client = ?", old.toString()));
        assertEquals(1, count("select count(*) from machine_read where client = ?", fresh.toString()));
        assertEquals(1, count("select count(*) from audit_log where entity_id = ?", old.toString()), "the audit trail stays");
    }
}
