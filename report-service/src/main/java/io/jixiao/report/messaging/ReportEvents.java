package io.jixiao.report.messaging;

import java.util.List;

/** The event types report-service consumes (owned by their producers; see their schemas). */
public final class ReportEvents {

    public static final String BASIC_EXPENDITURE_CHANGED = "BasicExpenditureChanged";
    public static final String INDICATORS_COMPUTED = "IndicatorsComputed";
    public static final String BUDGET_FIGURES_CHANGED = "BudgetFiguresChanged";
    /** On budget.events and evaluation.events: that service locked a submitted department-year at a revision. */
    public static final String FILING_LOCK_CONFIRMED = "FilingLockConfirmed";

    private ReportEvents() {
    }

    public record BasicExpenditureChanged(String budget, String actual, String variance, String executionRate,
            long version) {
    }

    public record IndicatorsComputed(long sourceVersion, long revision, String total, String grade,
            List<Indicator> indicators, List<ScoredItem> items, Long evaluationRevision, List<ProjectScore> projects) {
    }

    /** 项目支出绩效自评 of one project as evaluation-service scored it (its parts are not kept here). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectScore(long projectId, String name, String total, String grade) {
    }

    public record ScoredItem(String level1, String level2, String code, String name, String points, String value,
            String score, String status) {
    }

    public record Indicator(String code, String name, String value, String unit, boolean missing) {
    }
}
