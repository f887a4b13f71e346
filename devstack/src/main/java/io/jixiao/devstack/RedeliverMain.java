package io.jixiao.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fault injection for the fault suite's dupdelivery row: every record the topics held when it started
 * is produced a second time, to the same partition, with the same key, value and headers (bytes as
 * they are), so every consumer meets each event twice while the system runs — in the order of the
 * partition, after its first delivery. Reads with its own consumer (no group, assign + seek to the
 * beginning, read_committed) up to the end offsets taken at the start, so its own copies are never
 * copied again. Prints one line per topic and "REDELIVERED total=N"; exits non-zero on any error.
 *
 * <p>With --groups, it then waits (--wait-seconds, default 120) until each consumer group has committed
 * offsets at or past the topics' new end offsets (so every copy was consumed and its effect, if any,
 * is in the consumer's database) and prints "CAUGHT-UP group=G"; exit status 3 when a group is still
 * behind at the deadline ("BEHIND group=G ...").
 *
 * <p>Chosen over rewinding the groups' offsets: a rewind needs the group empty (its service stopped), so
 * the duplicates would only ever meet a cold start; copies on the topic meet the running consumers, and
 * every event is delivered twice to every group that reads its topic.
 *
 * <pre>java -cp devstack/target/classes:devstack/target/lib/* io.jixiao.devstack.RedeliverMain \
 *   --bootstrap 127.0.0.1:9092 --topics budget.events,evaluation.events,report.events \
 *   --groups budget-service,evaluation-service,report-service</pre>
 */
public final class RedeliverMain {

    private RedeliverMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        List<String> topics = List.of(args.get("topics", "budget.events,evaluation.events,report.events").split(","));

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");

        long total = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (String topic : topics) {
                List<TopicPartition> parts = new ArrayList<>();
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    parts.add(new TopicPartition(topic, info.partition()));
                }
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(parts, Duration.ofSeconds(30)));
                long n = 0;
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                while (!caughtUp(consumer, end)) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                        if (r.offset() >= end.get(tp)) {
                            continue; // produced after the start (by the services, or by this tool)
                        }
                        sent.add(producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(),
                                r.headers())));
                        n++;
                    }
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) {
                    f.get(); // a failed send fails the run
                }
                System.out.println("REDELIVERED topic=" + topic + " records=" + n);
                total += n;
            }
        }
        System.out.println("REDELIVERED total=" + total);
        System.out.flush();
        String groups = args.get("groups", "");
        if (!groups.isBlank() && !caughtUpGroups(bootstrap, topics, List.of(groups.split(",")),
                Integer.parseInt(args.get("wait-seconds", "120")))) {
            System.exit(3);
        }
    }

    /** Waits until every group's committed offsets on the topics reach their current end offsets. */
    private static boolean caughtUpGroups(String bootstrap, List<String> topics, List<String> groups, int waitSeconds)
            throws Exception {
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long start = System.nanoTime();
        long deadline = start + waitSeconds * 1_000_000_000L;
        boolean all = true;
        try (Admin admin = Admin.create(a)) {
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(pi -> specs.put(new TopicPartition(d.name(), pi.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(specs).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            for (String group : groups) {
                String behind = "";
                while (true) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    StringBuilder b = new StringBuilder();
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                        Long last = end.get(e.getKey());
                        if (last != null && e.getValue() != null && e.getValue().offset() < last) {
                            b.append(' ').append(e.getKey()).append(" committed=").append(e.getValue().offset())
                                    .append(" end=").append(last);
                        }
                    }
                    behind = b.toString();
                    if (behind.isEmpty() || System.nanoTime() > deadline) {
                        break;
                    }
                    Thread.sleep(500);
                }
                if (behind.isEmpty()) {
                    System.out.println("CAUGHT-UP group=" + group + " after "
                            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
                } else {
                    System.out.println("BEHIND group=" + group + behind);
                    all = false;
                }
            }
        }
        System.out.flush();
        return all;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
