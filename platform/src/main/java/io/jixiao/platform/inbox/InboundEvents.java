package io.jixiao.platform.inbox;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * The one way a consumer applies an event: parse the envelope, skip redeliveries (inbox), run the
 * effect in the same transaction as the inbox row.
 * <ul>
 * <li>Transient errors (deadlock, serialization failure, lock or pool timeout, database unreachable)
 * are retried with backoff, for as long as they last: the partition waits, nothing is lost.</li>
 * <li>Permanent errors (an event this code cannot apply) are parked with their reason, and an admin
 * can replay them ({@link #replay}).</li>
 * <li>Parking is retried like any transient error, so a failure to park never kills the channel.
 * Only a shutdown interrupts the retries; then the message stays uncommitted and comes again.</li>
 * </ul>
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ObjectMapper mapper;
    private final Inbox inbox;
    private final MeterRegistry registry;
    /** topic → the handlers its consumer registered, for replays of parked events. */
    private final Map<String, Map<String, Handler>> handlersByTopic = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public InboundEvents(ObjectMapper mapper, Inbox inbox, MeterRegistry registry) {
        this.mapper = mapper;
        this.inbox = inbox;
        this.registry = registry;
    }

    /** Consumers register their handlers at construction so a parked event can be replayed any time. */
    public void register(String topic, Map<String, Handler> handlers) {
        handlersByTopic.put(topic, handlers);
    }

    Map<String, Handler> handlers(String topic) {
        return handlersByTopic.get(topic);
    }

    /**
     * @param handlers event type → highest schema version this consumer understands, and its effect.
     *                 Types not listed are not this consumer's business and are skipped.
     * @return what happened, for logs and tests
     * @throws ShutdownInProgress only while the service stops (the message is then redelivered)
     */
    public Outcome apply(String topic, String message, Map<String, Handler> handlers) {
        return apply(topic, message, read(message), handlers, List.of());
    }

    /**
     * The messages of one poll, in order. Of a run of snapshots of one type and key (events whose handler
     * reads a revision from them, {@link Handler#revision}) only the one of the highest revision is applied,
     * as applying each in turn would leave it (an older one is ignored by the effect); the others are recorded
     * in the inbox in its transaction ({@link #supersededBy}). A backlog (after a broker outage, a restart, a
     * burst of saves) then costs one application per key and type instead of one per event.
     */
    public void applyAll(String topic, List<String> messages, Map<String, Handler> handlers) {
        List<EventEnvelope> envelopes = new ArrayList<>(messages.size());
        for (String m : messages) {
            envelopes.add(read(m));
        }
        int[] by = supersededBy(envelopes, handlers);
        for (int i = 0; i < messages.size(); i++) {
            if (by[i] >= 0) {
                continue;
            }
            List<EventEnvelope> skipped = new ArrayList<>();
            for (int k = 0; k < by.length; k++) {
                if (by[k] == i) {
                    skipped.add(envelopes.get(k));
                }
            }
            if (!skipped.isEmpty()) {
                registry.counter("jixiao.inbox.events", "topic", topic, "outcome", "superseded").increment(skipped.size());
            }
            apply(topic, messages.get(i), envelopes.get(i), handlers, skipped);
        }
    }

    /**
     * For each event, the index of the event of the batch that stands for it, else -1. A run holds the
     * snapshots of one type and key; it ends at an event of that key that is no snapshot (a lock
     * confirmation, say) or whose version or revision the handler cannot read. Snapshots of other types may
     * interleave (each type is its own view). The run's event of the highest revision stands for the rest
     * (the first of them on a tie: a later one of the same revision would be ignored). Unreadable messages
     * and types without a handler are passed over.
     */
    static int[] supersededBy(List<EventEnvelope> envelopes, Map<String, Handler> handlers) {
        int[] by = new int[envelopes.size()];
        Arrays.fill(by, -1);
        long[] revisions = new long[envelopes.size()];
        Map<String, Map<String, List<Integer>>> runsOfKey = new HashMap<>(); // key → type → open run
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope e = envelopes.get(i);
            if (e == null || !handlers.containsKey(e.type())) {
                continue; // unreadable (parked) or not this consumer's business (ignored)
            }
            Long revision = snapshotRevision(e, handlers.get(e.type()));
            Map<String, List<Integer>> runs = runsOfKey.computeIfAbsent(e.key(), k -> new HashMap<>());
            if (revision == null) {
                runs.values().forEach(run -> close(run, revisions, by));
                runs.clear();
                continue;
            }
            revisions[i] = revision;
            runs.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(i);
        }
        runsOfKey.values().forEach(runs -> runs.values().forEach(run -> close(run, revisions, by)));
        return by;
    }

    private static void close(List<Integer> run, long[] revisions, int[] by) {
        int winner = run.get(0);
        for (int i : run) {
            if (revisions[i] > revisions[winner]) {
                winner = i;
            }
        }
        for (int i : run) {
            if (i != winner) {
                by[i] = winner;
            }
        }
    }

    /** The event's revision when it is a snapshot this handler applies, else null. */
    private static Long snapshotRevision(EventEnvelope e, Handler h) {
        if (h.revision() == null || e.schemaVersion() < 1 || e.schemaVersion() > h.maxSchemaVersion()) {
            return null;
        }
        try {
            return h.revision().applyAsLong(e);
        } catch (RuntimeException unreadable) {
            return null; // the effect will say what is wrong with it
        }
    }

    /** The envelope, or null when the message is not one (apply parks it). */
    private EventEnvelope read(String message) {
        try {
            EventEnvelope envelope = mapper.readValue(message, EventEnvelope.class);
            return envelope.eventId() == null || envelope.type() == null ? null : envelope;
        } catch (Exception e) {
            return null;
        }
    }

    private String whyUnreadable(String message) {
        try {
            mapper.readValue(message, EventEnvelope.class);
            return "envelope without eventId or type";
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private Outcome apply(String topic, String message, EventEnvelope envelope, Map<String, Handler> handlers,
            List<EventEnvelope> alsoRecorded) {
        if (envelope == null) {
            park(topic, null, message, "unreadable envelope: " + whyUnreadable(message));
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
        // lag: from the producer's commit (occurredAt) until this consumer starts applying; apply: the effect
        if (envelope.occurredAt() != null) {
            registry.timer("jixiao.inbox.lag", "topic", topic).record(
                    Duration.between(envelope.occurredAt().toInstant(), java.time.Instant.now()));
        }
        long started = System.nanoTime();
        try {
            boolean applied = retryingTransient("apply " + envelope.eventId(), () -> QuarkusTransaction.requiringNew()
                    .call(() -> {
                        boolean first = inbox.firstDelivery(envelope.eventId(), topic, envelope.type());
                        for (EventEnvelope skipped : alsoRecorded) { // after: one may be this event delivered twice
                            inbox.firstDelivery(skipped.eventId(), topic, skipped.type());
                        }
                        if (!first) {
                            return false;
                        }
                        handler.effect().accept(envelope);
                        return true;
                    }));
            registry.counter("jixiao.inbox.events", "topic", topic, "outcome", applied ? "applied" : "duplicate")
                    .increment();
            registry.timer("jixiao.inbox.apply", "topic", topic).record(System.nanoTime() - started,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("%s %s applied in %d ms", topic, envelope.type(), (System.nanoTime() - started) / 1_000_000);
            }
            return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
        } catch (ShutdownInProgress e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "event %s (%s) cannot be applied; parked", envelope.eventId(), envelope.type());
            park(topic, envelope, message, "effect failed: " + e);
            return Outcome.PARKED;
        }
    }

    /**
     * Runs the action; on a transient error waits (100 ms doubling up to 5 s) and runs it again, until
     * it succeeds or fails permanently (rethrown). Public for consumers that write outside apply().
     */
    public <T> T retryingTransient(String what, Callable<T> action) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1;; attempt++) {
            try {
                return action.call();
            } catch (Exception e) {
                if (!isTransient(e)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                registry.counter("jixiao.inbox.retries").increment();
                LOG.warnf("%s: transient failure (attempt %d, %s); retrying in %d ms", what, attempt,
                        rootCause(e).getClass().getSimpleName(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Deadlocks, serialization failures, lock and pool timeouts, lost connections: gone on a retry.
     * Suppressed exceptions count too: a commit that met a dead connection carries its cause there.
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable t : io.jixiao.platform.problem.Throwables.chain(e)) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException
                    || t instanceof QueryTimeoutException || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null) {
                    // Agroal's "acquisition timeout" carries no SQL state
                    if (String.valueOf(sql.getMessage()).toLowerCase().contains("acquisition timeout")) {
                        return true;
                    }
                } else if (state.startsWith("40") || state.startsWith("08") || state.startsWith("53")
                        || state.startsWith("57") || state.equals("55P03")) {
                    // 40 rollback (deadlock, serialization), 08 connection, 53 resources,
                    // 57 operator intervention (shutdown, cancel), 55P03 lock not available
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private void sleep(Duration d) {
        if (stopping) {
            throw new ShutdownInProgress();
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShutdownInProgress();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void park(String topic, EventEnvelope envelope, String message, String reason) {
        LOG.warnf("parking event on %s: %s", topic, reason);
        registry.counter("jixiao.inbox.events", "topic", topic, "outcome", "parked").increment();
        retryingAlways("park", () -> QuarkusTransaction.requiringNew().run(() -> {
            ParkedEvent parked = new ParkedEvent();
            parked.topic = topic;
            parked.message = message;
            parked.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
            parked.parkedAt = OffsetDateTime.now(ZoneOffset.UTC);
            if (envelope != null) {
                parked.eventId = String.valueOf(envelope.eventId());
                parked.eventType = envelope.type();
                parked.schemaVersion = envelope.schemaVersion();
                parked.eventKey = envelope.key();
            }
            parked.persist();
        }));
    }

    /** Parking must not fail the channel: any failure to store it is waited out like a transient one. */
    private void retryingAlways(String what, Runnable action) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1;; attempt++) {
            try {
                action.run();
                return;
            } catch (RuntimeException e) {
                LOG.errorf("%s failed (attempt %d, %s); retrying in %d ms", what, attempt,
                        rootCause(e).getClass().getSimpleName(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Schema(name = "ReplayOutcome")
    public enum Outcome { APPLIED, DUPLICATE, IGNORED, PARKED }

    /**
     * @param revision for a snapshot event (its payload is the whole view at a revision, and the effect ignores
     *                 one older than what it holds): reads that revision, so that of several in one poll only
     *                 the newest is applied ({@link #applyAll}); null for any other event
     */
    public record Handler(int maxSchemaVersion, Consumer<EventEnvelope> effect, ToLongFunction<EventEnvelope> revision) {
        public Handler(int maxSchemaVersion, Consumer<EventEnvelope> effect) {
            this(maxSchemaVersion, effect, null);
        }
    }

    /** Thrown only while the service stops: the message is left unacknowledged and redelivered later. */
    public static class ShutdownInProgress extends RuntimeException {
        ShutdownInProgress() {
            super("service stopping", null, false, false);
        }
    }
}
