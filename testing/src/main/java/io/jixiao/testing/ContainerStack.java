package io.jixiao.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The containers variant of the tier-2 stack: PostgreSQL and a KRaft Kafka broker through Testcontainers, set
 * up as the embedded launchers set up theirs (same server majors, same roles, same broker settings), so a
 * test cannot tell which one it runs on. No Keycloak: tests sign their own tokens (TestTokens) and
 * quarkus-oidc verifies them with a public key; none talks to a Keycloak.
 */
final class ContainerStack {

    /** The majors the embedded stack runs (root pom: postgres-binaries.version, kafka.version). */
    static final String POSTGRES_IMAGE = "postgres:17.6";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    /** The superuser name of both stacks (devstack PostgresMain.SUPERUSER). */
    static final String SUPERUSER = "postgres";

    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;

    /** Starts both; returns the PostgreSQL host and port. */
    HostPort start(String database, String superPassword, String ownerPassword, Path logs) {
        postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(SUPERUSER).withPassword(superPassword).withDatabaseName("postgres")
                .withCommand("postgres", "-c", "max_connections=200", "-c", "password_encryption=scram-sha-256")
                .withLogConsumer(toFile(logs.resolve("test-postgres.log")));
        postgres.start();
        createOwnedDatabase(database, ownerPassword);

        // a fixed host port: KafkaControl stops and starts the container, and the advertised listener (written
        // into the container at its first start) must stay right across that
        int kafkaPort = freePort();
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_LOG_RETENTION_MS", "-1")
                .withEnv("KAFKA_LOG_RETENTION_BYTES", "-1")
                .withLogConsumer(toFile(logs.resolve("test-kafka.log")));
        kafka.setPortBindings(List.of(kafkaPort + ":9092"));
        kafka.start();
        KafkaControl.useContainer(kafka.getContainerId(), kafka.getHost(), kafka.getMappedPort(9092));
        return new HostPort(postgres.getHost(), postgres.getMappedPort(5432));
    }

    void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    /** What devstack's PostgresMain does for each database: an owner role with a password, no CONNECT for others. */
    private void createOwnedDatabase(String database, String ownerPassword) {
        String owner = "jixiao_" + database;
        String sql = """
                create role %1$s with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit
                  password '%3$s';
                create database %2$s owner %1$s;
                revoke connect, temporary on database %2$s from public;
                grant connect, temporary on database %2$s to %1$s;
                revoke connect, temporary on database postgres from public;
                revoke connect, temporary on database template1 from public;
                \\connect %2$s
                alter schema public owner to %1$s;
                revoke create on schema public from public;
                """.formatted(owner, database, ownerPassword.replace("'", "''"));
        try {
            // a file, not -c: the password stays off the container's process list
            postgres.copyFileToContainer(Transferable.of(sql), "/tmp/jixiao-init.sql");
            var result = postgres.execInContainer("psql", "-q", "-v", "ON_ERROR_STOP=1", "-U", SUPERUSER,
                    "-d", "postgres", "-f", "/tmp/jixiao-init.sql");
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("creating database " + database + " failed: " + result.getStderr());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker container (its data stays in the container) for the "Kafka down" tests. */
    static void stopBroker(String containerId) {
        DockerClientFactory.instance().client().stopContainerCmd(containerId).withTimeout(20).exec();
    }

    /** Starts it again: same port, same data; returns once the broker answers. */
    static void startBroker(String containerId, String bootstrapServers) {
        DockerClientFactory.instance().client().startContainerCmd(containerId).exec();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the Kafka container did not answer after its restart", e);
                    }
                    sleep(Duration.ofMillis(500));
                }
            }
        }
    }

    record HostPort(String host, int port) {
    }

    private static Consumer<OutputFrame> toFile(Path log) {
        return frame -> {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                out.print(frame.getUtf8String());
            } catch (IOException ignored) {
                // a lost log line must not fail a test
            }
        };
    }

    private static int freePort() {
        try {
            return StackTestResource.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
