package io.jixiao.evaluation.messaging;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.evaluation.service.ScoringService;
import io.jixiao.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** budget.events → rescoring and budget's filing locks, once per event (inbox), in order per filing (Kafka key). */
// @Startup: its constructor registers the handlers, so parked events can be replayed before any message arrives
@io.quarkus.runtime.Startup
@ApplicationScoped
public class BudgetEventsConsumer {

    private final InboundEvents inbound;
    private final Map<String, InboundEvents.Handler> handlers;

    public BudgetEventsConsumer(InboundEvents inbound, ScoringService scoring) {
        this.inbound = inbound;
        // BudgetFiguresChanged carries the whole sheet at its revision: of several in one poll only the newest
        // is scored (InboundEvents.applyAll), so a backlog costs one rescoring per department-year
        this.handlers = Map.of(EvaluationEvents.BUDGET_FIGURES_CHANGED,
                new InboundEvents.Handler(1, scoring::onBudgetFiguresChanged, e -> e.payload().get("revision").asLong()),
                EvaluationEvents.BUDGET_LOCK_CONFIRMED, new InboundEvents.Handler(1, scoring::onBudgetLockConfirmed));
        inbound.register("budget.events", handlers);
    }

    /** The records of one poll (the channel is batched), in partition order. */
    @Incoming("budget-events")
    @Blocking
    public void consume(List<String> messages) {
        inbound.applyAll("budget.events", messages, handlers);
    }
}
