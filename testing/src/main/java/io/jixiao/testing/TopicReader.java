package io.jixiao.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads and writes the test broker's topics directly, as another service would. One producer and one
 * consumer per topic live as long as the class: a consumer without a group (assigned partitions) reads
 * each topic from the beginning once and keeps what it read, so a call costs a poll, not a group join.
 */
public final class TopicReader {

    private static KafkaProducer<String, String> producer;
    private static final Map<String, TopicLog> LOGS = new HashMap<>();

    private TopicReader() {
    }

    /** All records of the topic (from the beginning) whose value matches, waiting until at least one does. */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<String> match, Duration timeout) {
        TopicLog log;
        synchronized (LOGS) {
            log = LOGS.computeIfAbsent(topic, TopicLog::new);
        }
        return log.await(match, timeout);
    }

    /** Publishes a raw message, as a producer service's relay would; returns once the broker has it. */
    public static synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaControl.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the consumer group has committed every record on the topics, i.e. it has processed
     * (and acknowledged) everything sent so far. A partition the group never committed counts as
     * unread from its first offset.
     */
    public static void awaitNoLag(String groupId, Duration timeout, String... topics) {
        AtomicReference<Map<TopicPartition, Long>> lag = new AtomicReference<>(Map.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaControl.bootstrapServers()))) {
            Awaitility.await("group " + groupId + " has committed everything on " + List.of(topics)).atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                        lag.set(lag(admin, groupId, Set.of(topics)));
                        return lag.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("group " + groupId + " still behind after " + timeout + ": " + lag.get(), e);
        }
    }

    private static Map<TopicPartition, Long> lag(Admin admin, String groupId, Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, OffsetSpec> earliest = latest.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
        var ends = admin.listOffsets(latest).all().get();
        var starts = admin.listOffsets(earliest).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long at = c != null ? c.offset() : starts.get(e.getKey()).offset();
            if (at < e.getValue().offset()) {
                behind.put(e.getKey(), e.getValue().offset() - at);
            }
        }
        return behind;
    }

    /** One topic read from its beginning, everything read so far kept. */
    private static final class TopicLog {

        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        TopicLog(String topic) {
            this.topic = topic;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaControl.bootstrapServers(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::close));
        }

        synchronized List<ConsumerRecord<String, String>> await(Predicate<String> match, Duration timeout) {
            try {
                // each poll waits up to 500 ms for records itself; the consumer stays on this thread
                Awaitility.await("a matching record on " + topic).atMost(timeout).pollInSameThread()
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                            readMore(Duration.ofMillis(500));
                            return !matching(match).isEmpty();
                        });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no matching record on " + topic + " within " + timeout, e);
            }
            // read on a little so duplicates, if any, are seen too
            readMore(Duration.ofMillis(500));
            return matching(match);
        }

        private List<ConsumerRecord<String, String>> matching(Predicate<String> match) {
            return records.stream().filter(r -> match.test(r.value())).toList();
        }

        private void readMore(Duration wait) {
            if (consumer.assignment().isEmpty()) {
                // the topic may not exist yet: assign its partitions once it does
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (partitions.isEmpty()) {
                    sleep(wait);
                    return;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            for (ConsumerRecord<String, String> r : consumer.poll(wait)) {
                records.add(r);
            }
        }

        private static void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
