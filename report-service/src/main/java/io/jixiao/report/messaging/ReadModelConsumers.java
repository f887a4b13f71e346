package io.jixiao.report.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.platform.inbox.InboundEvents;
import io.jixiao.report.service.ReadModelService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** budget.events and evaluation.events → the report read model, once per event (inbox). */
@ApplicationScoped
public class ReadModelConsumers {

    private final InboundEvents inbound;
    private final Map<String, InboundEvents.Handler> budgetHandlers;
    private final Map<String, InboundEvents.Handler> evaluationHandlers;

    public ReadModelConsumers(InboundEvents inbound, ReadModelService readModel) {
        this.inbound = inbound;
        this.budgetHandlers = Map.of(ReportEvents.BASIC_EXPENDITURE_CHANGED,
                new InboundEvents.Handler(1, readModel::onBasicExpenditureChanged),
                ReportEvents.BUDGET_FIGURES_CHANGED, new InboundEvents.Handler(1, readModel::onBudgetFiguresChanged));
        this.evaluationHandlers = Map.of(ReportEvents.INDICATORS_COMPUTED,
                new InboundEvents.Handler(1, readModel::onIndicatorsComputed));
    }

    @Incoming("budget-events")
    @Blocking
    public void budget(String message) {
        inbound.apply("budget.events", message, budgetHandlers);
    }

    @Incoming("evaluation-events")
    @Blocking
    public void evaluation(String message) {
        inbound.apply("evaluation.events", message, evaluationHandlers);
    }
}
