package io.jixiao.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.transaction.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Writes events into the outbox table. Must run inside the caller's transaction so the event exists
 * if and only if the change it reports was committed (transactional outbox). The commit wakes the
 * relay, so an event usually leaves within milliseconds; the relay's poll covers everything else.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final ChangeFeed changeFeed;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(ObjectMapper mapper, OutboxConfig config, ChangeFeed changeFeed, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions) {
        this.mapper = mapper;
        this.config = config;
        this.changeFeed = changeFeed;
        this.relay = relay;
        this.transactions = transactions;
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
        // Inputs are bounded so this cannot happen by design; if it does, the write is refused (and
        // rolled back) rather than committing an event the broker would refuse.
        if (row.envelope.getBytes(StandardCharsets.UTF_8).length > config.maxEventBytes()) {
            throw new ProblemException(413, "event.too-large");
        }
        row.persist();
        // The outbox is purged after publication; the change feed keeps every change for pulls.
        changeFeed.record(envelope);
        wakeRelayAfterCommit();
        return envelope;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        AfterCommit.run(transactions, relay::wake);
    }
}
