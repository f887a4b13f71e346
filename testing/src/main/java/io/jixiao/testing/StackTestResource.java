package io.jixiao.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Tier-2 test resource: a real PostgreSQL and a real Kafka broker (devstack launchers as child
 * processes, fresh data per test JVM) and a signing key whose public half the service trusts as its
 * OIDC verification key. One instance serves every @QuarkusTest of a module.
 *
 * Init arg "database": the database to create (default "jixiao").
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "jixiao";
    private Path dataDir;
    private ChildProcess postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("jixiao-stack-");
            Path logs = Path.of(System.getProperty("user.dir"), "target");
            Files.createDirectories(logs);
            int pgPort = freePort();
            postgres = new ChildProcess("io.jixiao.devstack.PostgresMain", logs.resolve("test-postgres.log"),
                    "--port", String.valueOf(pgPort), "--data-dir", dataDir.resolve("pg").toString(),
                    "--databases", database);
            postgres.start("POSTGRES READY", 120);
            KafkaControl.start(logs.resolve("test-kafka.log"), dataDir.resolve("kafka"), freePort(), freePort());

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database);
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres");
            config.put("kafka.bootstrap.servers", KafkaControl.bootstrapServers());
            config.put("quarkus.oidc.auth-server-url", "");
            config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
            config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
            return config;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        KafkaControl.stop();
        if (postgres != null) {
            postgres.stop();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
