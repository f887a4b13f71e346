package io.jixiao.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * For a module's pair of test classes under two Quarkus profiles: each checks that the other profile left
 * nothing behind (a row in its database, a topic on its broker), then leaves its own mark. Whichever runs second
 * fails if the stack was not made fresh for its profile (EmbeddedStack reuses one database server and broker
 * across profile restarts).
 */
public final class FreshStack {

    private static final String TABLE = "test_profile_mark";
    private static final String TOPIC_PREFIX = "test-profile-mark.";

    private FreshStack() {
    }

    /** Fails on a mark of {@code other}, then marks the database and the broker with {@code self}. */
    public static void checkThenMark(String self, String other) throws Exception {
        try (Connection c = TestDatabases.connect(); Statement s = c.createStatement();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaControl.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertFalse(topics.contains(TOPIC_PREFIX + other), "a topic of the " + other + " profile is still on the broker");
            s.execute("create table if not exists " + TABLE + " (profile text not null)");
            List<String> marks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select profile from " + TABLE)) {
                while (rs.next()) {
                    marks.add(rs.getString(1));
                }
            }
            assertEquals(List.of(), marks, "rows of an earlier profile are still in the database");
            s.execute("insert into " + TABLE + " values ('" + self.replace("'", "") + "')");
            admin.createTopics(List.of(new NewTopic(TOPIC_PREFIX + self, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
