package io.jixiao.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Tier-2 test resource: a real PostgreSQL and a real Kafka broker, fresh data per Quarkus start (the embedded
 * ones are started once per JVM and emptied for each profile restart, see {@link EmbeddedStack}), and a signing
 * key whose public half the service trusts as its OIDC verification key. One instance serves every
 * @QuarkusTest of a module. The stack is chosen once per JVM ({@link StackSelection}): containers
 * (Testcontainers) where an engine answers, otherwise devstack's launchers as child processes;
 * -Djixiao.test.stack=containers|embedded forces one.
 *
 * Init arg "database": the database to create (default "jixiao"). The service connects as that
 * database's owner role jixiao_&lt;database&gt; (no superuser, as in the local stack), with passwords
 * generated per test JVM; tests that need the superuser (creating another database) read
 * jixiao.test.db.superuser.username / .password.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DECIDED = "jixiao.test.stack.decided";

    private String database = "jixiao";
    private ContainerStack containers;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path logs = Path.of(System.getProperty("user.dir"), "target");
            Files.createDirectories(logs);
            String superPassword = randomPassword();
            String ownerPassword = randomPassword();
            String pgHost = "127.0.0.1";
            int pgPort;
            if (stackOfThisJvm() == StackSelection.Stack.CONTAINERS) {
                containers = new ContainerStack();
                ContainerStack.HostPort pg = containers.start(database, superPassword, ownerPassword, logs);
                pgHost = pg.host();
                pgPort = pg.port();
            } else {
                // started once per JVM; a profile restart gets a fresh database and an empty broker (EmbeddedStack)
                EmbeddedStack.Endpoint pg = EmbeddedStack.startOrReset(database, logs, superPassword, ownerPassword);
                pgPort = pg.port();
                superPassword = pg.superPassword();
                ownerPassword = pg.ownerPassword();
            }

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database);
            config.put("quarkus.datasource.username", "jixiao_" + database);
            config.put("quarkus.datasource.password", ownerPassword);
            config.put("jixiao.test.db.superuser.username", "postgres");
            config.put("jixiao.test.db.superuser.password", superPassword);
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
        // the embedded stack outlives a profile restart and stops with the JVM (EmbeddedStack)
        if (containers != null) {
            containers.stop();
            KafkaControl.forgetContainer();
        }
    }

    /**
     * Decided once per JVM and logged once: Quarkus may start this resource more than once, in class loaders
     * of its own, so the answer lives in a system property, like KafkaControl's state.
     */
    static StackSelection.Stack stackOfThisJvm() {
        String decided = System.getProperty(DECIDED);
        if (decided != null) {
            return StackSelection.Stack.valueOf(decided);
        }
        StackSelection.Choice choice = StackSelection.choose(System.getProperty(StackSelection.PROPERTY),
                ContainerEngine::reachable);
        System.setProperty(DECIDED, choice.stack().name());
        System.getLogger(StackTestResource.class.getName()).log(System.Logger.Level.INFO,
                "tier-2 stack: " + (choice.stack() == StackSelection.Stack.CONTAINERS
                        ? "containers (Testcontainers: " + ContainerStack.POSTGRES_IMAGE + ", " + ContainerStack.KAFKA_IMAGE + ")"
                        : "embedded (devstack launchers)") + ", because " + choice.reason());
        return choice.stack();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
