package io.jixiao.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes events into the outbox table. Must run inside the caller's transaction so the event exists
 * if and only if the change it reports was committed (transactional outbox).
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final ChangeFeed changeFeed;

    public Outbox(ObjectMapper mapper, OutboxConfig config, ChangeFeed changeFeed) {
        this.mapper = mapper;
        this.config = config;
        this.changeFeed = changeFeed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String type, int schemaVersion, String departmentId, int fiscalYear,
            String actor, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, schemaVersion,
                OffsetDateTime.now(ZoneOffset.UTC), departmentId, fiscalYear, actor, mapper.valueToTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = config.topic();
        row.eventKey = envelope.key();
        row.eventType = type;
        row.createdAt = envelope.occurredAt();
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
        row.persist();
        // The outbox is purged after publication; the change feed keeps every change for pulls.
        changeFeed.record(envelope);
        return envelope;
    }
}
