package io.jixiao.budget.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.budget.domain.Filing;
import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * report.events → the lock of a department-year: submitted locks its figures, returned unlocks them,
 * approved keeps them locked. Once per event (inbox), in order per filing (Kafka key).
 */
// @Startup: its constructor registers the handlers, so parked events can be replayed before any message arrives
@io.quarkus.runtime.Startup
@ApplicationScoped
public class FilingEventsConsumer {

    public static final String SUBMITTED = "FilingSubmitted";
    public static final String RETURNED = "FilingReturned";
    public static final String APPROVED = "FilingApproved";

    private final InboundEvents inbound;
    private final Map<String, InboundEvents.Handler> handlers = Map.of(
            SUBMITTED, new InboundEvents.Handler(1, e -> setLocked(e, true)),
            APPROVED, new InboundEvents.Handler(1, e -> setLocked(e, true)),
            RETURNED, new InboundEvents.Handler(1, e -> setLocked(e, false)));

    public FilingEventsConsumer(InboundEvents inbound) {
        this.inbound = inbound;
        inbound.register("report.events", handlers);
    }

    @Incoming("report-events")
    @Blocking
    public void consume(String message) {
        inbound.apply("report.events", message, handlers);
    }

    /** Runs inside the inbox transaction. */
    static void setLocked(EventEnvelope event, boolean locked) {
        Filing.Key key = new Filing.Key(event.departmentId(), event.fiscalYear());
        Filing filing = Filing.findById(key);
        if (filing == null) {
            filing = new Filing();
            filing.key = key;
            filing.revision = 0;
        }
        filing.locked = locked;
        filing.lockedAt = locked ? OffsetDateTime.now(ZoneOffset.UTC) : null;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        filing.persist();
    }
}
