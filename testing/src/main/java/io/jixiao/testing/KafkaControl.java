package io.jixiao.testing;

import java.nio.file.Path;

/**
 * Stops and restarts the test broker (same ports, same data), for the "Kafka down" tests. State
 * lives in system properties because Quarkus loads test resources and test classes in different
 * class loaders; the JVM's properties are shared by both.
 */
public final class KafkaControl {

    private static final String LOG = "jixiao.test.kafka.log";
    private static final String DATA = "jixiao.test.kafka.data";
    private static final String PORT = "jixiao.test.kafka.port";
    private static final String CONTROLLER_PORT = "jixiao.test.kafka.controller-port";
    private static final String PID = "jixiao.test.kafka.pid";
    private static final String HOST = "jixiao.test.kafka.host";
    /** Set when the broker is a container (ContainerStack): stop and start act on it instead of a child JVM. */
    private static final String CONTAINER = "jixiao.test.kafka.container";

    private KafkaControl() {
    }

    static synchronized void start(Path log, Path data, int port, int controllerPort) {
        System.setProperty(LOG, log.toString());
        System.setProperty(DATA, data.toString());
        System.setProperty(PORT, String.valueOf(port));
        System.setProperty(CONTROLLER_PORT, String.valueOf(controllerPort));
        startBroker();
    }

    static synchronized void useContainer(String containerId, String host, int port) {
        System.setProperty(CONTAINER, containerId);
        System.setProperty(HOST, host);
        System.setProperty(PORT, String.valueOf(port));
    }

    static synchronized void forgetContainer() {
        System.clearProperty(CONTAINER);
        System.clearProperty(HOST);
    }

    public static String bootstrapServers() {
        return System.getProperty(HOST, "127.0.0.1") + ":" + System.getProperty(PORT);
    }

    /** Starts the broker again after {@link #stop()}, on the same port and data. */
    public static synchronized void startBroker() {
        String container = System.getProperty(CONTAINER);
        if (container != null) {
            ContainerStack.startBroker(container, bootstrapServers());
            return;
        }
        ChildProcess broker = new ChildProcess("io.jixiao.devstack.KafkaMain", Path.of(System.getProperty(LOG)),
                "--port", System.getProperty(PORT), "--controller-port", System.getProperty(CONTROLLER_PORT),
                "--data-dir", System.getProperty(DATA));
        broker.start("KAFKA READY", 120);
        System.setProperty(PID, String.valueOf(broker.pid()));
    }

    /** Starts the embedded broker again if a test left it stopped ({@link #stop()} without {@link #startBroker()}). */
    static synchronized void ensureRunning() {
        String pid = System.getProperty(PID);
        boolean alive = pid != null && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        if (!alive && System.getProperty(CONTAINER) == null) {
            startBroker();
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 20 s) and waits until it is gone. */
    public static synchronized void stop() {
        String container = System.getProperty(CONTAINER);
        if (container != null) {
            ContainerStack.stopBroker(container);
            return;
        }
        String pid = System.getProperty(PID);
        if (pid == null) {
            return;
        }
        System.clearProperty(PID);
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                p.onExit().join();
            }
        });
    }
}
