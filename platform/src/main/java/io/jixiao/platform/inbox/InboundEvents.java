package io.jixiao.platform.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way a consumer applies an event: parse the envelope, skip redeliveries (inbox), park what
 * it cannot apply, and run the effect in the same transaction as the inbox row. Never throws, so a
 * bad message cannot stop the channel.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final ObjectMapper mapper;
    private final Inbox inbox;
    private final MeterRegistry registry;

    public InboundEvents(ObjectMapper mapper, Inbox inbox, MeterRegistry registry) {
        this.mapper = mapper;
        this.inbox = inbox;
        this.registry = registry;
    }

    /**
     * @param handlers event type → highest schema version this consumer understands, and its effect.
     *                 Types not listed are not this consumer's business and are skipped.
     * @return what happened, for logs and tests
     */
    public Outcome apply(String topic, String message, Map<String, Handler> handlers) {
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(message, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null) {
                throw new IllegalArgumentException("envelope without eventId or type");
            }
        } catch (Exception e) {
            park(topic, null, message, "unreadable envelope: " + e.getMessage());
            return Outcome.PARKED;
        }
        Handler handler = handlers.get(envelope.type());
        if (handler == null) {
            return Outcome.IGNORED;
        }
        if (envelope.schemaVersion() < 1 || envelope.schemaVersion() > handler.maxSchemaVersion()) {
            park(topic, envelope, message, "unsupported schemaVersion " + envelope.schemaVersion()
                    + " of " + envelope.type() + " (understood up to " + handler.maxSchemaVersion() + ")");
            return Outcome.PARKED;
        }
        try {
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                if (!inbox.firstDelivery(envelope.eventId(), topic, envelope.type())) {
                    return false;
                }
                handler.effect().accept(envelope);
                return true;
            });
            registry.counter("jixiao.inbox.events", "topic", topic, "outcome", applied ? "applied" : "duplicate")
                    .increment();
            return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
        } catch (RuntimeException e) {
            LOG.errorf(e, "event %s (%s) failed; parked", envelope.eventId(), envelope.type());
            park(topic, envelope, message, "effect failed: " + e);
            return Outcome.PARKED;
        }
    }

    private void park(String topic, EventEnvelope envelope, String message, String reason) {
        LOG.warnf("parking event on %s: %s", topic, reason);
        registry.counter("jixiao.inbox.events", "topic", topic, "outcome", "parked").increment();
        QuarkusTransaction.requiringNew().run(() -> {
            ParkedEvent parked = new ParkedEvent();
            parked.topic = topic;
            parked.message = message;
            parked.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
            parked.parkedAt = OffsetDateTime.now(ZoneOffset.UTC);
            if (envelope != null) {
                parked.eventId = String.valueOf(envelope.eventId());
                parked.eventType = envelope.type();
                parked.schemaVersion = envelope.schemaVersion();
            }
            parked.persist();
        });
    }

    public enum Outcome { APPLIED, DUPLICATE, IGNORED, PARKED }

    public record Handler(int maxSchemaVersion, Consumer<EventEnvelope> effect) {
    }
}
