package io.jixiao.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.awaitility.Awaitility;

/**
 * The embedded PostgreSQL and Kafka broker of one test JVM (devstack's launchers as child processes), started
 * once and kept across Quarkus profile restarts. Quarkus stops and starts the test resources whenever a test
 * class with another @TestProfile comes up; each such restart used to launch a new database and broker, about
 * 12 s and 15 core-seconds on the 2-core CI machine. Now a restart gets the same two processes back with a fresh
 * database (dropped and created again, owned as the launcher owns it) and a broker without topics or consumer
 * groups, so no row or event of one profile reaches the next.
 *
 * <p>The processes end with the JVM: a shutdown hook stops them and removes their folder, and the launchers'
 * --parent-pid watchdog ends them if the JVM is killed. State lives in system properties, as KafkaControl's
 * does, because each restart loads this class again in a class loader of its own.
 */
final class EmbeddedStack {

    private static final String PREFIX = "jixiao.test.embedded.";
    private static final String PG_PORT = PREFIX + "pg.port";
    private static final String DATABASE = PREFIX + "database";
    private static final String SUPER_PASSWORD = PREFIX + "superuser.password";
    private static final String OWNER_PASSWORD = PREFIX + "owner.password";

    /** Where the service connects: the database server's port and the two generated passwords. */
    record Endpoint(int port, String superPassword, String ownerPassword) {
    }

    private EmbeddedStack() {
    }

    /** The JVM's stack: launched on the first call, emptied again on each later one. */
    static synchronized Endpoint startOrReset(String database, Path logs, String superPassword, String ownerPassword)
            throws IOException {
        String port = System.getProperty(PG_PORT);
        if (port == null) {
            return start(database, logs, superPassword, ownerPassword);
        }
        if (!database.equals(System.getProperty(DATABASE))) {
            throw new IllegalStateException("one test JVM serves one service database: " + System.getProperty(DATABASE)
                    + ", asked for " + database);
        }
        Endpoint endpoint = new Endpoint(Integer.parseInt(port), System.getProperty(SUPER_PASSWORD),
                System.getProperty(OWNER_PASSWORD));
        freshDatabase(endpoint, database);
        emptyBroker();
        return endpoint;
    }

    private static Endpoint start(String database, Path logs, String superPassword, String ownerPassword)
            throws IOException {
        Path dataDir = Files.createTempDirectory("jixiao-stack-");
        int port = StackTestResource.freePort();
        ChildProcess postgres = new ChildProcess("io.jixiao.devstack.PostgresMain", logs.resolve("test-postgres.log"),
                Map.of("JIXIAO_DB_SUPERUSER_PASSWORD", superPassword,
                        "JIXIAO_DB_PASSWORD_" + database.toUpperCase(Locale.ROOT), ownerPassword),
                "--port", String.valueOf(port), "--data-dir", dataDir.resolve("pg").toString(),
                "--databases", database);
        postgres.start("POSTGRES READY", 120);
        KafkaControl.start(logs.resolve("test-kafka.log"), dataDir.resolve("kafka"), StackTestResource.freePort(),
                StackTestResource.freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            KafkaControl.stop();
            postgres.stop();
            deleteTree(dataDir);
        }, "embedded-stack-stop"));
        System.setProperty(DATABASE, database);
        System.setProperty(SUPER_PASSWORD, superPassword);
        System.setProperty(OWNER_PASSWORD, ownerPassword);
        System.setProperty(PG_PORT, String.valueOf(port));
        return new Endpoint(port, superPassword, ownerPassword);
    }

    /** Drops the service's database (closing what is still connected) and creates it again, as PostgresMain does. */
    private static void freshDatabase(Endpoint endpoint, String database) {
        String owner = "jixiao_" + database;
        try {
            run(endpoint, "postgres",
                    "drop database if exists " + database + " with (force)",
                    "create database " + database + " owner " + owner,
                    "revoke connect, temporary on database " + database + " from public",
                    "grant connect, temporary on database " + database + " to " + owner);
            run(endpoint, database,
                    "alter schema public owner to " + owner,
                    "revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " afresh", e);
        }
    }

    private static void run(Endpoint endpoint, String database, String... statements) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/" + database;
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("password", endpoint.superPassword());
        // the driver of the service's class path, found directly: DriverManager refuses drivers of other class loaders
        Driver driver = ServiceLoader.load(Driver.class, Thread.currentThread().getContextClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(d -> accepts(d, url)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL JDBC driver on the class path"));
        try (Connection c = driver.connect(url, login); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static boolean accepts(Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Deletes every topic and consumer group the previous profile's app and tests left, and waits until the
     * broker lists no topic. The broker is started again first if a test left it stopped.
     */
    private static void emptyBroker() {
        KafkaControl.ensureRunning();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaControl.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> groups = admin.listConsumerGroups().all().get(60, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).collect(java.util.stream.Collectors.toSet());
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(60, TimeUnit.SECONDS);
            }
            Set<String> topics = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
            }
            // deletion is asynchronous: the next app must not find (or race to recreate) a topic being deleted
            Awaitility.await("the test broker lists no topic").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> admin.listTopics().names().get(60, TimeUnit.SECONDS).isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not empty the test broker", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
