package io.jixiao.evaluation.messaging;

import java.util.List;

/**
 * Events evaluation-service publishes on evaluation.events (schemas in
 * src/main/resources/schemas/&lt;type&gt;.v&lt;n&gt;.json), and the budget.events types it consumes.
 */
public final class EvaluationEvents {

    public static final String INDICATORS_COMPUTED = "IndicatorsComputed";
    public static final int INDICATORS_COMPUTED_VERSION = 1;

    /** Consumed from budget.events (owned by budget-service): the whole department-year after a change. */
    public static final String BUDGET_FIGURES_CHANGED = "BudgetFiguresChanged";

    private EvaluationEvents() {
    }

    /**
     * Payload of IndicatorsComputed v1. sourceVersion: version of the 基本支出 row scored (-1: none);
     * revision: budget-service revision of the department-year; total and grade of the score card.
     */
    public record IndicatorsComputed(long sourceVersion, long revision, String total, String grade,
            List<Indicator> indicators, List<ScoredItem> items) {
    }

    /** One row of the score card (自评表): every template indicator with points, value, score, status. */
    public record ScoredItem(String level1, String level2, String code, String name, String points, String value,
            String score, String status) {
    }

    public record Indicator(String code, String name, String value, String unit, boolean missing) {
    }
}
