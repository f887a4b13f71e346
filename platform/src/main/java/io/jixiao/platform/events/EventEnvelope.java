package io.jixiao.platform.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope every event on every topic carries (architecture.md, "Events"). The payload is the
 * producer's typed record serialised to JSON; its shape is fixed by the producer's JSON Schema for
 * {@code type} at {@code schemaVersion}.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        OffsetDateTime occurredAt,
        String departmentId,
        int fiscalYear,
        String actor,
        JsonNode payload) {

    /** Kafka key: one filing (department + fiscal year) stays ordered on one partition. */
    public String key() {
        return key(departmentId, fiscalYear);
    }

    public static String key(String departmentId, int fiscalYear) {
        return departmentId + ":" + fiscalYear;
    }
}
