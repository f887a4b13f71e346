package io.jixiao.report.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class BasicExpenditureSectionTest {

    static BasicExpenditureSection.Rendered render(String budget, String actual, String rate, boolean missing) {
        BigDecimal b = new BigDecimal(budget);
        BigDecimal a = new BigDecimal(actual);
        return BasicExpenditureSection.render(new BasicExpenditureSection.Figures(b, a, a.subtract(b),
                rate == null ? null : new BigDecimal(rate), missing));
    }

    @Test
    void sampleOverBudgetParagraphStatesBudgetActualVarianceAndRate() {
        BasicExpenditureSection.Rendered r = render("6378800.00", "6991300.00", "109.60", false);
        assertEquals("本年度基本支出预算 637.88 万元，实际支出 699.13 万元，超出预算 61.25 万元，预算完成率 109.60%。",
                r.paragraphs().get(0));
        assertEquals("61.25", r.varianceWan());
        assertFalse(r.paragraphs().get(0).contains("增幅"), "over-budget is not growth");
    }

    @Test
    void underBudgetAndEqualAreWordedAsSuch() {
        assertTrue(render("1000000.00", "950000.00", "95.00", false).paragraphs().get(0)
                .contains("比预算节约 5.00 万元，预算完成率 95.00%"));
        assertEquals("-5.00", render("1000000.00", "950000.00", "95.00", false).varianceWan());
        assertTrue(render("1000000.00", "1000000.00", "100.00", false).paragraphs().get(0).contains("与预算持平"));
    }

    @Test
    void rateNotYetComputedOrMissingIsSaidNotInvented() {
        BasicExpenditureSection.Rendered pending = render("100.00", "50.00", null, false);
        assertNull(pending.rate());
        assertTrue(pending.paragraphs().get(0).endsWith("预算完成率正在计算。"));
        assertTrue(render("0.00", "50.00", null, true).paragraphs().get(0).contains("数据缺失"));
    }
}
