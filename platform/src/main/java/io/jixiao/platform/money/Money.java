package io.jixiao.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money rules of the field: amounts are stored and computed exactly in 元 (2 decimals) and shown in
 * 万元 with 2 decimals, rounded half-up only for display.
 */
public final class Money {

    public static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Internal precision of ratios before display rounding. */
    private static final int RATIO_SCALE = 10;

    private Money() {
    }

    /** 元 → 万元 for display: 2 decimals, half-up. */
    public static BigDecimal toWan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /** 元 → 万元 as text, e.g. 6378800.00 → "637.88". */
    public static String wanText(BigDecimal yuan) {
        return toWan(yuan).toPlainString();
    }

    /** Normalises a stored amount to 2 decimals; more decimals are an input error, not rounded away. */
    public static BigDecimal yuan(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * numerator / denominator as an exact-enough ratio (10 decimals); null when the denominator is
     * zero or either side is missing, so callers report 数据缺失 instead of guessing 0% or 100%.
     */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_UP);
    }

    /** A ratio as a percentage with 2 decimals, half-up: 1.0960228 → 109.60. */
    public static BigDecimal percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }
}
