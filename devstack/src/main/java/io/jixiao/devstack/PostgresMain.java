package io.jixiao.devstack;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL (binaries from Maven Central) on 127.0.0.1, data kept in --data-dir so it
 * survives restarts. Creates the listed databases if missing, prints "POSTGRES READY", and runs
 * until the process is terminated.
 *
 * <pre>java -cp devstack/target/classes:devstack/target/lib/* io.jixiao.devstack.PostgresMain \
 *   --port 15432 --data-dir .run/data/pg --databases budget,evaluation,report</pre>
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Watchdog.exitWithParent(args);
        int port = Integer.parseInt(args.get("port", "15432"));
        File dataDir = new File(args.require("data-dir")).getAbsoluteFile();
        dataDir.getParentFile().mkdirs();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("postgres stop failed: " + e);
            }
        }, "postgres-stop"));
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            for (String db : args.get("databases", "").split(",")) {
                if (!db.isBlank()) {
                    createIfMissing(c, db.trim());
                }
            }
        }
        System.out.println("POSTGRES READY port=" + port + " data=" + dataDir);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void createIfMissing(Connection c, String db) throws Exception {
        if (!db.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name " + db);
        }
        try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, db);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
    }
}
