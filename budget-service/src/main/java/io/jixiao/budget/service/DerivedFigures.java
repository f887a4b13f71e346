package io.jixiao.budget.service;

import java.math.BigDecimal;

import io.jixiao.platform.money.Money;

/**
 * The one code path for figures derived from budget and actual: never stored, always computed and
 * returned with the data (and carried in events, so consumers need not recompute them).
 */
public record DerivedFigures(BigDecimal variance, BigDecimal executionRatePercent) {

    public static DerivedFigures of(BigDecimal budget, BigDecimal actual) {
        BigDecimal ratio = Money.ratio(actual, budget);
        return new DerivedFigures(actual.subtract(budget), ratio == null ? null : Money.percent(ratio));
    }
}
