package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import io.jixiao.platform.money.Money;
import io.jixiao.platform.problem.Messages;

/**
 * The quantitative indicator formulas of domain.md over a department-year's figures. Each result
 * carries its formula and every input with its value and source; an absent input makes the result
 * missing (数据缺失), never 0% or 100%.
 */
public final class Formulas {

    /** Informational (not in the template): the 基本支出 part of 预算完成率, shown in report section 二(一). */
    public static final String BASIC_COMPLETION_RATE = "basic-completion-rate";

    /** Share of the year's payments planned by the end of September (支付进度 checkpoint). */
    static final int CHECKPOINT_MONTH = 9;
    static final BigDecimal PLANNED_SHARE_PERCENT = BigDecimal.valueOf(75);

    private Formulas() {
    }

    /**
     * name/nameEn: the indicator; the formula text and the labels of numerator and denominator are in the
     * service messages (formula.&lt;code&gt;, formula.&lt;code&gt;.num, formula.&lt;code&gt;.den), in 中文 and English.
     */
    private record Formula(String name, String nameEn, BiFunction<BudgetSheet, String, Calc> calc) {
    }

    /** 年底突击花钱: December's share of the year's payments, and the fourth quarter's (October–December). */
    public static final String DECEMBER_SHARE = "december-share";
    public static final String Q4_SHARE = "q4-share";
    /** The year-end rush indicators, computed for every department-year (the district chart) and scored when a template has them. */
    public static final List<String> RUSH = List.of(DECEMBER_SHARE, Q4_SHARE);

    /**
     * A ratio's inputs: numerator and denominator; null values mean missing. basis: which data the
     * inputs were taken from when the formula chooses between two (a key of formula.basis.*), else null.
     */
    private record Calc(BigDecimal num, BigDecimal den, BigDecimal offsetPercent, String basis) {
        static Calc of(BigDecimal num, BigDecimal den) {
            return new Calc(num, den, null, null);
        }
    }

    /** The 12 months a rush share reads, and from where. */
    private record Months(List<BigDecimal> amounts, String basis) {
    }

    /**
     * The entered 按月支付数 win when all 12 are there: they are the department's stated payments of
     * every channel, the same the 支付进度率 reads. The 支出明细 summed by month of payment stand in
     * when they are not; neither: missing.
     */
    private static Months months(BudgetSheet s) {
        if (complete(s.monthlyPayments())) {
            return new Months(s.monthlyPayments(), "monthly-payments");
        }
        if (complete(s.spendingByMonth())) {
            return new Months(s.spendingByMonth(), "spending-lines");
        }
        return new Months(null, null);
    }

    private static boolean complete(List<BigDecimal> m) {
        return m != null && m.size() == 12 && !m.contains(null);
    }

    /** The months from..12 (1-based) over the whole year, from the chosen source. */
    private static Calc lateShare(BudgetSheet s, int fromMonth) {
        Months m = months(s);
        if (m.amounts() == null) {
            return Calc.of(null, null);
        }
        BigDecimal late = m.amounts().subList(fromMonth - 1, 12).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal year = m.amounts().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Calc(late, year, null, m.basis());
    }

    private static final Map<String, Formula> FORMULAS = Map.ofEntries(
            Map.entry(BASIC_COMPLETION_RATE, new Formula("基本支出预算完成率", "Basic expenditure completion rate",
                    (s, src) -> Calc.of(s.basic() == null ? null : s.basic().actual(),
                            s.basic() == null ? null : s.basic().budget()))),
            Map.entry("staff-control-rate", new Formula("在职人员控制率", "Staff control rate",
                    (s, src) -> Calc.of(s.staffing() == null ? null : dec(s.staffing().staffInPost()),
                            s.staffing() == null ? null : dec(s.staffing().authorizedPosts())))),
            Map.entry("three-public-change-rate", new Formula("\"三公经费\"变动率", "Change rate of the three public expenses",
                    (s, src) -> {
                        BigDecimal now = s.threePublic() == null ? null : s.threePublic().totalBudget();
                        BigDecimal last = s.threePublic() == null ? null : s.threePublic().budgetLastYear();
                        return new Calc(now, last, BigDecimal.valueOf(-100), null);
                    })),
            Map.entry("key-spending-rate", new Formula("重点支出安排率", "Key spending rate",
                    (s, src) -> Calc.of(s.projectTotals() == null ? null : s.projectTotals().keyProjectsActual(),
                            s.projectTotals() == null ? null : s.projectTotals().actual()))),
            Map.entry("budget-completion-rate", new Formula("预算完成率", "Budget completion rate",
                    (s, src) -> Calc.of(total(s, true), total(s, false)))),
            Map.entry("budget-adjustment-rate", new Formula("预算调整率", "Budget adjustment rate",
                    (s, src) -> Calc.of(s.projects() == null ? null : s.projects().stream()
                            .map(p -> p.adjustment() == null ? BigDecimal.ZERO : p.adjustment().abs())
                            .reduce(BigDecimal.ZERO, BigDecimal::add), total(s, false)))),
            Map.entry(DECEMBER_SHARE, new Formula("12月支出占比", "December share of the year's spending",
                    (s, src) -> lateShare(s, 12))),
            Map.entry(Q4_SHARE, new Formula("第四季度支出占比", "Fourth-quarter share of the year's spending",
                    (s, src) -> lateShare(s, 10))),
            Map.entry("payment-progress-rate", new Formula("支付进度率", "Payment progress rate", (s, src) -> {
                List<BigDecimal> m = s.monthlyPayments();
                if (!complete(m)) {
                    return Calc.of(null, null);
                }
                BigDecimal byCheckpoint = m.subList(0, CHECKPOINT_MONTH).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal year = m.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                return Calc.of(byCheckpoint, year.multiply(PLANNED_SHARE_PERCENT).divide(Money.HUNDRED));
            })),
            Map.entry("carry-over-rate", new Formula("结转结余率", "Carry-over rate",
                    (s, src) -> Calc.of(s.carryOver() == null ? null : s.carryOver().budgetOrCurrent(), total(s, false)))),
            Map.entry("carry-over-change-rate", new Formula("结转结余变动率", "Change rate of carry-over",
                    (s, src) -> new Calc(s.carryOver() == null ? null : s.carryOver().budgetOrCurrent(),
                            s.carryOver() == null ? null : s.carryOver().actualOrPrevious(), BigDecimal.valueOf(-100), null))),
            Map.entry("public-funds-control-rate", new Formula("公用经费控制率", "Public funds control rate",
                    (s, src) -> Calc.of(s.basic() == null ? null : s.basic().publicFundsActual(),
                            s.basic() == null ? null : s.basic().publicFundsBudget()))),
            Map.entry("three-public-control-rate", new Formula("\"三公经费\"控制率", "Control rate of the three public expenses",
                    (s, src) -> Calc.of(s.threePublic() == null ? null : s.threePublic().totalActual(),
                            s.threePublic() == null ? null : s.threePublic().totalBudget()))),
            Map.entry("procurement-execution-rate", new Formula("政府采购执行率", "Procurement execution rate",
                    (s, src) -> Calc.of(s.procurement() == null ? null : s.procurement().actualOrPrevious(),
                            s.procurement() == null ? null : s.procurement().budgetOrCurrent()))),
            Map.entry("fixed-asset-utilisation", new Formula("固定资产利用率", "Fixed asset utilisation",
                    (s, src) -> Calc.of(s.assets() == null ? null : s.assets().inUse(),
                            s.assets() == null ? null : s.assets().total()))));

    public static boolean computes(String code) {
        return FORMULAS.containsKey(code);
    }

    /** An indicator a template may score from the figures: its code and names (the template editor's list). */
    public record Known(String code, String name, String nameEn) {
    }

    /** Every formula a template can use, by code; 基本支出预算完成率 is informational and left out. */
    public static List<Known> known() {
        return FORMULAS.entrySet().stream().filter(e -> !BASIC_COMPLETION_RATE.equals(e.getKey()))
                .map(e -> new Known(e.getKey(), e.getValue().name(), e.getValue().nameEn()))
                .sorted(java.util.Comparator.comparing(Known::code)).toList();
    }

    public static IndicatorResult compute(String code, BudgetSheet sheet, String source) {
        return compute(code, sheet, source, Messages.ZH);
    }

    /** The indicator with its formula and input labels in the locale's language. */
    public static IndicatorResult compute(String code, BudgetSheet sheet, String source, Locale locale) {
        Formula f = FORMULAS.get(code);
        if (f == null) {
            throw new IllegalArgumentException("no formula for " + code);
        }
        Calc c = f.calc().apply(sheet, source);
        // a formula that chose its data says which, beside the event the data came with
        String from = c.basis() == null ? source
                : Messages.text(locale, "formula.basis." + c.basis()) + Messages.text(locale, "formula.basis.via", source);
        List<IndicatorResult.Input> inputs = new ArrayList<>();
        inputs.add(new IndicatorResult.Input(Messages.text(locale, "formula." + code + ".num"), text(c.num()), from));
        inputs.add(new IndicatorResult.Input(Messages.text(locale, "formula." + code + ".den"), text(c.den()), from));
        BigDecimal ratio = Money.ratio(c.num(), c.den());
        BigDecimal value = ratio == null ? null : Money.percent(ratio);
        if (value != null && c.offsetPercent() != null) {
            value = value.add(c.offsetPercent()); // change rates: (now − last) / last = now / last − 100%
        }
        return new IndicatorResult(code, f.name(), f.nameEn(), value, "%", Messages.text(locale, "formula." + code), inputs,
                value == null);
    }

    /** 基本支出 + 项目支出, actual or budget; missing when the basic expenditure is missing. */
    private static BigDecimal total(BudgetSheet s, boolean actual) {
        if (s.basic() == null) {
            return null;
        }
        BigDecimal basic = actual ? s.basic().actual() : s.basic().budget();
        BigDecimal projects = s.projectTotals() == null ? BigDecimal.ZERO
                : (actual ? s.projectTotals().actual() : s.projectTotals().budget());
        return basic.add(projects);
    }

    private static BigDecimal dec(Integer v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }

    private static String text(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
