package io.jixiao.report.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.platform.inbox.InboundEvents;
import io.jixiao.report.service.FilingService;
import io.jixiao.report.service.ReadModelService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * budget.events and evaluation.events → the report read model and the lock confirmations of submitted
 * filings, once per event (inbox).
 */
// @Startup: its constructor registers the handlers, so parked events can be replayed before any message arrives
@io.quarkus.runtime.Startup
@ApplicationScoped
public class ReadModelConsumers {

    private final InboundEvents inbound;
    private final Map<String, InboundEvents.Handler> budgetHandlers;
    private final Map<String, InboundEvents.Handler> evaluationHandlers;

    public ReadModelConsumers(InboundEvents inbound, ReadModelService readModel, FilingService filings) {
        this.inbound = inbound;
        // after each read-model change a SUBMITTING filing may have all it waits for (see FilingService.freezeIfReady).
        // The budget's two read-model events are snapshots (the whole view at its version or revision; an older one
        // is ignored): of several of one department-year in a poll only the newest is applied (InboundEvents.
        // applyAll). A lock confirmation ends a run; after it the confirmed revisions stay the newest until a
        // return. IndicatorsComputed is ordered by two revisions (the score's, else the budget's): applied one by one.
        this.budgetHandlers = Map.of(ReportEvents.BASIC_EXPENDITURE_CHANGED,
                new InboundEvents.Handler(1, readModel::onBasicExpenditureChanged, e -> e.payload().get("version").asLong()),
                ReportEvents.BUDGET_FIGURES_CHANGED, new InboundEvents.Handler(1, e -> {
                    readModel.onBudgetFiguresChanged(e);
                    filings.freezeIfReady(e.departmentId(), e.fiscalYear());
                }, e -> e.payload().get("revision").asLong()),
                ReportEvents.FILING_LOCK_CONFIRMED, new InboundEvents.Handler(1, filings::onLockConfirmed));
        this.evaluationHandlers = Map.of(ReportEvents.INDICATORS_COMPUTED, new InboundEvents.Handler(1, e -> {
                    readModel.onIndicatorsComputed(e);
                    filings.freezeIfReady(e.departmentId(), e.fiscalYear());
                }),
                ReportEvents.FILING_LOCK_CONFIRMED, new InboundEvents.Handler(1, filings::onLockConfirmed));
        inbound.register("budget.events", budgetHandlers);
        inbound.register("evaluation.events", evaluationHandlers);
    }

    /** The records of one poll (the channels are batched), in partition order. */
    @Incoming("budget-events")
    @Blocking
    public void budget(java.util.List<String> messages) {
        inbound.applyAll("budget.events", messages, budgetHandlers);
    }

    /** Applies one message of either topic exactly as the live consumers do (the read-model rebuild). */
    public InboundEvents.Outcome apply(String topic, String message) {
        return inbound.apply(topic, message, TOPICS.get(0).equals(topic) ? budgetHandlers : evaluationHandlers);
    }

    /** The topics the read model is built from. */
    public static final java.util.List<String> TOPICS = java.util.List.of("budget.events", "evaluation.events");

    @Incoming("evaluation-events")
    @Blocking
    public void evaluation(java.util.List<String> messages) {
        inbound.applyAll("evaluation.events", messages, evaluationHandlers);
    }
}
