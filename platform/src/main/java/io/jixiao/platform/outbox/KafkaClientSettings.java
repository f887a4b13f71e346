package io.jixiao.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The connection settings of every Kafka client we create ourselves (the outbox relay's producer, the
 * readiness check's admin client, report's rebuild consumer): all {@code kafka.*} properties, as the
 * messaging consumers get them, so a cluster's TLS and SCRAM settings (KAFKA_SECURITY_PROTOCOL,
 * KAFKA_SASL_JAAS_CONFIG, …) reach these clients too, not only the bootstrap address.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> broker;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        Map<String, Object> copy = new HashMap<>();
        broker.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        this.broker = Map.copyOf(copy);
    }

    /** The shared settings plus the client's own (which win). */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> props = new HashMap<>(broker);
        props.putAll(own);
        return props;
    }

    /** The bootstrap servers (logs and messages). */
    public String bootstrapServers() {
        return String.valueOf(broker.get("bootstrap.servers"));
    }
}
