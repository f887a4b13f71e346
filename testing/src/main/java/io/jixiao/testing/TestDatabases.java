package io.jixiao.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC to the test stack's PostgreSQL (StackTestResource), for tests that work beside the app:
 * the service's own database as its role, or a scratch database of the test's own (created by the
 * superuser, owned by the service's role, as a migration test needs).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    private static String value(String key) {
        Config config = ConfigProvider.getConfig();
        return config.getValue(key, String.class);
    }

    /** The service's JDBC URL. */
    public static String url() {
        return value("quarkus.datasource.jdbc.url");
    }

    public static String user() {
        return value("quarkus.datasource.username");
    }

    public static String password() {
        return value("quarkus.datasource.password");
    }

    /** A new connection to the service's database as the service's role (another "session"). */
    public static Connection connect() throws SQLException {
        return connect(url());
    }

    /** A new connection to the given database of the test stack as the service's role. */
    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user(), password());
    }

    /**
     * An empty database named {@code name} (dropped first if a previous run left it), owned by the
     * service's role; its JDBC URL. The service's role may not create databases, as in the local stack.
     */
    public static String scratch(String name) throws SQLException {
        asSuperuser("drop database if exists " + name, "create database " + name + " owner " + user());
        return url().replaceAll("/[^/?]+(\\?.*)?$", "/" + name);
    }

    /** Drops a scratch database, closing what is still connected to it. */
    public static void drop(String name) throws SQLException {
        asSuperuser("drop database if exists " + name + " with (force)");
    }

    private static void asSuperuser(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), value("jixiao.test.db.superuser.username"),
                value("jixiao.test.db.superuser.password")); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
