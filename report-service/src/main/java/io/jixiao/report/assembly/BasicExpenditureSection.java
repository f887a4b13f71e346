package io.jixiao.report.assembly;

import java.math.BigDecimal;
import java.util.List;

import io.jixiao.platform.money.Money;

/**
 * 二、整体预算支出情况 (一) 基本支出: the paragraph is built from the figures, so the text can never
 * disagree with them. Over-budget spending is called 超出预算, never growth (增幅), as the checker requires.
 */
public final class BasicExpenditureSection {

    public static final String HEADING = "（一）基本支出情况";

    private BasicExpenditureSection() {
    }

    public record Figures(BigDecimal budget, BigDecimal actual, BigDecimal variance, BigDecimal rate,
            boolean rateMissing) {
    }

    public record Rendered(String heading, List<String> paragraphs, String budgetWan, String actualWan,
            String varianceWan, String rate) {
    }

    /** @param f amounts in 元; rate in % (null while not yet computed, or missing) */
    public static Rendered render(Figures f) {
        String budget = Money.wanText(f.budget());
        String actual = Money.wanText(f.actual());
        String variance = Money.wanText(f.variance().abs());
        StringBuilder p = new StringBuilder();
        p.append("本年度基本支出预算 ").append(budget).append(" 万元，实际支出 ").append(actual).append(" 万元，");
        int sign = f.variance().signum();
        if (sign > 0) {
            p.append("超出预算 ").append(variance).append(" 万元，");
        } else if (sign < 0) {
            p.append("比预算节约 ").append(variance).append(" 万元，");
        } else {
            p.append("与预算持平，");
        }
        String rate = null;
        if (f.rateMissing()) {
            p.append("预算数为零，预算完成率无法计算（数据缺失）。");
        } else if (f.rate() == null) {
            p.append("预算完成率正在计算。");
        } else {
            rate = f.rate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            p.append("预算完成率 ").append(rate).append("%。");
        }
        return new Rendered(HEADING, List.of(p.toString()), budget, actual,
                Money.wanText(f.variance()), rate);
    }
}
