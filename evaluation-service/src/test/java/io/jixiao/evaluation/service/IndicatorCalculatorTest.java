package io.jixiao.evaluation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.domain.BudgetFigures;

class IndicatorCalculatorTest {

    static BudgetFigures figures(String budget, String actual) {
        BudgetFigures f = new BudgetFigures();
        f.basicBudget = budget == null ? null : new BigDecimal(budget);
        f.basicActual = actual == null ? null : new BigDecimal(actual);
        return f;
    }

    @Test
    void sampleDepartmentBasicExpenditureCompletesAt109_60() {
        IndicatorResult r = IndicatorCalculator.budgetCompletionRate(figures("6378800.00", "6991300.00"), "test");
        assertEquals(new BigDecimal("109.60"), r.value());
        assertFalse(r.missing());
        assertEquals("6991300.00", r.inputs().get(0).value());
        assertEquals("test", r.inputs().get(0).source());
    }

    @Test
    void zeroOrMissingBudgetIsDataMissingNotZeroPercent() {
        IndicatorResult zero = IndicatorCalculator.budgetCompletionRate(figures("0.00", "10.00"), "test");
        assertTrue(zero.missing());
        assertNull(zero.value());
        assertTrue(IndicatorCalculator.budgetCompletionRate(figures(null, "10.00"), "test").missing());
    }
}
