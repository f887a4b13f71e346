package io.jixiao.evaluation.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.evaluation.service.ScoringService;
import io.jixiao.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * report.events → the template version of a filing: submitted (and approved) pins the version it was
 * scored with, returned unpins it and rescores with the current assignment. Once per event (inbox), in
 * order per filing (Kafka key); an unknown schema version is parked by InboundEvents.
 */
// @Startup: its constructor registers the handlers, so parked events can be replayed before any message arrives
@io.quarkus.runtime.Startup
@ApplicationScoped
public class FilingEventsConsumer {

    private final InboundEvents inbound;
    private final Map<String, InboundEvents.Handler> handlers;

    public FilingEventsConsumer(InboundEvents inbound, ScoringService scoring) {
        this.inbound = inbound;
        this.handlers = Map.of(
                EvaluationEvents.FILING_SUBMITTED, new InboundEvents.Handler(1, scoring::onFilingSubmitted),
                EvaluationEvents.FILING_APPROVED, new InboundEvents.Handler(1, scoring::onFilingSubmitted),
                EvaluationEvents.FILING_RETURNED, new InboundEvents.Handler(1, scoring::onFilingReturned));
        inbound.register("report.events", handlers);
    }

    @Incoming("report-events")
    @Blocking
    public void consume(String message) {
        inbound.apply("report.events", message, handlers);
    }
}
