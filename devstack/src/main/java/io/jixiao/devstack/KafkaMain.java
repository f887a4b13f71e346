package io.jixiao.devstack;

import java.io.File;
import java.io.FileWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode (combined broker + controller, one node) on 127.0.0.1. Storage
 * is formatted once in --data-dir and reused, so topics and offsets survive restarts. Prints
 * "KAFKA READY" when the broker answers, then runs until the process is terminated.
 *
 * <pre>java -cp devstack/target/classes:devstack/target/lib/* io.jixiao.devstack.KafkaMain \
 *   --port 9092 --controller-port 9093 --data-dir .run/data/kafka</pre>
 */
public final class KafkaMain {

    private KafkaMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Watchdog.exitWithParent(args);
        int port = Integer.parseInt(args.get("port", "9092"));
        int controllerPort = Integer.parseInt(args.get("controller-port", "9093"));
        File dataDir = new File(args.require("data-dir")).getAbsoluteFile();
        File logDir = new File(dataDir, "logs");
        dataDir.mkdirs();

        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.getPath());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        // Topics are the record of every change: report-service rebuilds its read model by replaying
        // them from the beginning, so nothing is ever deleted by age or size.
        props.put("log.retention.ms", "-1");
        props.put("log.retention.bytes", "-1");
        File config = new File(dataDir, "server.properties");
        try (Writer w = new FileWriter(config)) {
            props.store(w, "written by io.jixiao.devstack.KafkaMain");
        }

        if (!new File(logDir, "meta.properties").exists()) {
            format(config);
        }
        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {config.getPath()}), "kafka-main");
        broker.start();
        awaitReady("127.0.0.1:" + port);
        System.out.println("KAFKA READY port=" + port + " data=" + dataDir);
        System.out.flush();
        broker.join();
    }

    /** Formats the storage in a child JVM: the storage tool ends its process when done. */
    private static void format(File config) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.getPath()))
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("kafka storage format failed: exit " + p.exitValue());
        }
    }

    private static void awaitReady(String bootstrap) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("kafka did not come up on " + bootstrap, e);
                    }
                    Thread.sleep(200);
                }
            }
        }
    }
}
