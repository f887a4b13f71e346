package io.jixiao.report.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** spending.year-end-rush: from the filing's monthly figures only, above either threshold, never without data. */
class YearEndRushRuleTest {

    static final YearEndRushRule.Thresholds DEFAULTS = new YearEndRushRule.Thresholds(new BigDecimal("15"),
            new BigDecimal("40"));

    /** Eleven months of `month` and December's. */
    static List<BigDecimal> year(String month, String december) {
        List<BigDecimal> m = new ArrayList<>(Collections.nCopies(11, new BigDecimal(month)));
        m.add(new BigDecimal(december));
        return m;
    }

    @Test
    void firesWhenDecemberIsAboveItsThreshold() {
        // 300 of 1,400: 21.43%; Oct–Dec 500: 35.71%, below 40%
        List<Finding> f = YearEndRushRule.check(year("100", "300"), null, DEFAULTS);
        assertEquals(1, f.size());
        Finding rush = f.get(0);
        assertEquals(YearEndRushRule.ID, rush.rule());
        assertEquals(Finding.Severity.WARNING, rush.severity());
        assertEquals("二", rush.section());
        assertEquals("12 月支出占全年 21.43%（超过 15%），第四季度占 35.71%：支出集中在年底，有突击花钱之嫌。", rush.message());
        assertEquals("按月支付数：12 月 300.00 元，10–12 月 500.00 元，全年 1400.00 元", rush.excerpt());
    }

    @Test
    void firesOnTheFourthQuarterAloneAndReadsTheSpendingLinesWithoutMonthlyPayments() {
        // Oct, Nov, Dec 150 each of 1,800 (9 × 150 + 450): December 8.33%, Q4 25%: nothing
        assertEquals(List.of(), YearEndRushRule.check(null, year("150", "150"), DEFAULTS));
        List<BigDecimal> lateYear = new ArrayList<>(Collections.nCopies(9, new BigDecimal("10.00")));
        lateYear.addAll(List.of(new BigDecimal("30.00"), new BigDecimal("30.00"), new BigDecimal("10.00")));
        // Q4 70 of 160 = 43.75% > 40%; December 6.25%
        Finding f = YearEndRushRule.check(null, lateYear, DEFAULTS).get(0);
        assertEquals("12 月支出占全年 6.25%，第四季度占 43.75%（超过 40%）：支出集中在年底，有突击花钱之嫌。", f.message());
        assertTrue(f.excerpt().startsWith("支出明细（按支付日期逐月汇总）"), f.excerpt());
    }

    @Test
    void silentAtTheThresholdAndWithoutData() {
        // December exactly 15%: 150 of 1,000 (ten months of 85, November 0): not above
        List<BigDecimal> atLimit = new ArrayList<>(Collections.nCopies(10, new BigDecimal("85")));
        atLimit.add(BigDecimal.ZERO);
        atLimit.add(new BigDecimal("150"));
        assertEquals(List.of(), YearEndRushRule.check(atLimit, null, DEFAULTS));
        assertEquals(List.of(), YearEndRushRule.check(null, null, DEFAULTS));
        List<BigDecimal> gap = year("100", "900");
        gap.set(3, null);
        assertEquals(List.of(), YearEndRushRule.check(gap, null, DEFAULTS)); // a month missing: no guess
        assertEquals(List.of(), YearEndRushRule.check(year("0", "0"), null, DEFAULTS)); // no spending: no share
        // the entered payments win: even months there, a December-heavy 支出明细 is not reported
        assertEquals(List.of(), YearEndRushRule.check(year("100", "100"), year("100", "900"), DEFAULTS));
        // a configured threshold moves it
        assertEquals(1, YearEndRushRule.check(year("100", "100"), null,
                new YearEndRushRule.Thresholds(new BigDecimal("8"), new BigDecimal("40"))).size());
    }

    @Test
    void notAmongTheTextRules() {
        // a report text cannot trigger it: the corpus score is unaffected
        assertTrue(ReportChecker.RULES.stream().noneMatch(r -> r.ids().contains(YearEndRushRule.ID)));
    }
}
