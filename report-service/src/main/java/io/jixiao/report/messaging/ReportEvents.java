package io.jixiao.report.messaging;

import java.util.List;

/** The event types report-service consumes (owned by their producers; see their schemas). */
public final class ReportEvents {

    public static final String BASIC_EXPENDITURE_CHANGED = "BasicExpenditureChanged";
    public static final String INDICATORS_COMPUTED = "IndicatorsComputed";

    private ReportEvents() {
    }

    public record BasicExpenditureChanged(String budget, String actual, String variance, String executionRate,
            long version) {
    }

    public record IndicatorsComputed(long sourceVersion, List<Indicator> indicators) {
    }

    public record Indicator(String code, String name, String value, String unit, boolean missing) {
    }
}
