package io.jixiao.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void sampleBasicExpenditureRateAndVariance() {
        BigDecimal budget = new BigDecimal("6378800.00");
        BigDecimal actual = new BigDecimal("6991300.00");
        assertEquals("109.60", Money.percent(Money.ratio(actual, budget)).toPlainString());
        assertEquals("61.25", Money.wanText(actual.subtract(budget)));
        assertEquals("637.88", Money.wanText(budget));
    }

    @Test
    void displayRoundsHalfUpOnlyAtTheEnd() {
        assertEquals("0.01", Money.wanText(new BigDecimal("50.00")));
        assertEquals("0.00", Money.wanText(new BigDecimal("49.99")));
        assertEquals("33.33", Money.percent(Money.ratio(BigDecimal.ONE, BigDecimal.valueOf(3))).toPlainString());
    }

    @Test
    void missingOrZeroDenominatorIsNotAGuess() {
        assertNull(Money.ratio(BigDecimal.TEN, BigDecimal.ZERO));
        assertNull(Money.ratio(null, BigDecimal.TEN));
    }

    @Test
    void moreThanTwoDecimalsIsRefusedNotRounded() {
        assertThrows(ArithmeticException.class, () -> Money.yuan(new BigDecimal("1.005")));
        assertEquals("1.50", Money.yuan(new BigDecimal("1.5")).toPlainString());
    }
}
