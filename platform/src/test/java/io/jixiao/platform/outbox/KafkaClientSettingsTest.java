package io.jixiao.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void aClusterSecuritySettingReachesOurOwnClientsAndTheClientsOwnSettingsWin() {
        Map<String, Object> broker = new HashMap<>();
        broker.put("bootstrap.servers", "kafka:9093");
        broker.put("security.protocol", "SASL_SSL");
        broker.put("sasl.mechanism", "SCRAM-SHA-512");
        broker.put("acks", "1");
        KafkaClientSettings settings = new KafkaClientSettings(broker);
        Map<String, Object> producer = settings.with(Map.of("acks", "all", "linger.ms", "0"));
        assertEquals("kafka:9093", producer.get("bootstrap.servers"));
        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", producer.get("sasl.mechanism"));
        assertEquals("all", producer.get("acks"), "the relay's own durability setting is not overridden");
        assertEquals("kafka:9093", settings.bootstrapServers());
    }

    @Test
    void theSharedSettingsAreCopiedNotShared() {
        Map<String, Object> broker = new HashMap<>(Map.of("bootstrap.servers", "a:1"));
        KafkaClientSettings settings = new KafkaClientSettings(broker);
        settings.with(Map.of()).put("bootstrap.servers", "changed:2");
        broker.put("security.protocol", "SSL");
        assertEquals("a:1", settings.with(Map.of()).get("bootstrap.servers"));
        assertFalse(settings.with(Map.of()).containsKey("security.protocol"));
    }
}
