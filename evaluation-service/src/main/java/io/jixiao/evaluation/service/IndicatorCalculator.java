package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.util.List;

import io.jixiao.evaluation.domain.BudgetFigures;
import io.jixiao.platform.money.Money;

/**
 * The indicator formulas of the framework (domain.md), pure functions of the figures we hold.
 * Foundation: 预算完成率 on the basic expenditure; the other formulas follow with their inputs.
 */
public final class IndicatorCalculator {

    public static final String BUDGET_COMPLETION_RATE = "budget-completion-rate";

    private IndicatorCalculator() {
    }

    /** 预算完成率 = 预算完成数 / 预算数 (basic expenditure). */
    public static IndicatorResult budgetCompletionRate(BudgetFigures f, String source) {
        BigDecimal ratio = Money.ratio(f.basicActual, f.basicBudget);
        List<IndicatorResult.Input> inputs = List.of(
                new IndicatorResult.Input("预算完成数（基本支出实际，元）", text(f.basicActual), source),
                new IndicatorResult.Input("预算数（基本支出预算，元）", text(f.basicBudget), source));
        return new IndicatorResult(BUDGET_COMPLETION_RATE, "预算完成率", "Budget completion rate",
                ratio == null ? null : Money.percent(ratio), "%", "预算完成数 / 预算数 × 100%", inputs, ratio == null);
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
