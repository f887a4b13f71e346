package io.jixiao.budget.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.service.SheetDocuments;
import io.jixiao.budget.service.FilingGuard;
import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.inbox.InboundEvents;
import io.jixiao.platform.outbox.Outbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * report.events → the lock of a department-year: submitted locks its figures and confirms the lock with
 * the revision it locked (FilingLockConfirmed on budget.events, same transaction), returned unlocks them,
 * approved keeps them locked. Once per event (inbox), in order per filing (Kafka key). The filing row is
 * held with PESSIMISTIC_WRITE (FilingGuard.lockRow) and its revision is never written here, so a write
 * racing with the lock either commits first (and is inside the confirmed revision) or sees the lock.
 */
// @Startup: its constructor registers the handlers, so parked events can be replayed before any message arrives
@io.quarkus.runtime.Startup
@ApplicationScoped
public class FilingEventsConsumer {

    public static final String SUBMITTED = "FilingSubmitted";
    public static final String RETURNED = "FilingReturned";
    public static final String APPROVED = "FilingApproved";

    private final InboundEvents inbound;
    private final Outbox outbox;
    private final Map<String, InboundEvents.Handler> handlers = Map.of(
            SUBMITTED, new InboundEvents.Handler(1, e -> setLocked(e, true, true)),
            APPROVED, new InboundEvents.Handler(1, e -> setLocked(e, true, false)),
            RETURNED, new InboundEvents.Handler(1, e -> setLocked(e, false, false)));

    private final SheetDocuments documents;

    public FilingEventsConsumer(InboundEvents inbound, Outbox outbox, SheetDocuments documents) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.documents = documents;
        inbound.register("report.events", handlers);
    }

    @Incoming("report-events")
    @Blocking
    public void consume(String message) {
        inbound.apply("report.events", message, handlers);
    }

    /** Runs inside the inbox transaction. */
    void setLocked(EventEnvelope event, boolean locked, boolean confirm) {
        FilingLock filing = FilingGuard.lockRow(new FilingLock.Key(event.departmentId(), event.fiscalYear()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (filing.locked != locked) {
            filing.locked = locked;
            filing.lockedAt = locked ? now : null;
            filing.updatedAt = now;
            documents.rewrite(event.departmentId(), event.fiscalYear()); // the sheet shows the flag
        }
        if (confirm) {
            outbox.publish(BudgetEvents.FILING_LOCK_CONFIRMED, BudgetEvents.FILING_LOCK_CONFIRMED_VERSION,
                    event.departmentId(), event.fiscalYear(), "budget-service", new BudgetEvents.FilingLockConfirmed(
                            event.payload().path("filingVersion").asInt(), "budget", filing.revision));
        }
    }
}
