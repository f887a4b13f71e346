package io.jixiao.evaluation.messaging;

import java.util.List;

/**
 * Events evaluation-service publishes on evaluation.events (schemas in
 * src/main/resources/schemas/&lt;type&gt;.v&lt;n&gt;.json), and the budget.events types it consumes.
 */
public final class EvaluationEvents {

    public static final String INDICATORS_COMPUTED = "IndicatorsComputed";
    public static final int INDICATORS_COMPUTED_VERSION = 1;

    /** Consumed from budget.events (owned by budget-service). */
    public static final String BASIC_EXPENDITURE_CHANGED = "BasicExpenditureChanged";

    private EvaluationEvents() {
    }

    /** Payload of IndicatorsComputed v1. */
    public record IndicatorsComputed(long sourceVersion, List<Indicator> indicators) {
    }

    public record Indicator(String code, String name, String value, String unit, boolean missing) {
    }

    /** Payload of BasicExpenditureChanged v1, the fields we use. */
    public record BasicExpenditureChanged(String budget, String actual, String variance, String executionRate,
            long version) {
    }
}
