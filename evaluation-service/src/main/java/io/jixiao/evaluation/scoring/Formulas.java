package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.jixiao.evaluation.service.IndicatorResult;
import io.jixiao.platform.money.Money;

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

    private record Formula(String name, String nameEn, String text, BiFunction<Sheet, String, Calc> calc) {
    }

    /** A ratio's inputs: numerator and denominator with their labels; null values mean missing. */
    private record Calc(String numName, BigDecimal num, String denName, BigDecimal den, BigDecimal offsetPercent) {
        static Calc of(String numName, BigDecimal num, String denName, BigDecimal den) {
            return new Calc(numName, num, denName, den, null);
        }
    }

    private static final Map<String, Formula> FORMULAS = Map.ofEntries(
            Map.entry(BASIC_COMPLETION_RATE, new Formula("基本支出预算完成率", "Basic expenditure completion rate",
                    "基本支出实际 / 基本支出预算 × 100%", (s, src) -> Calc.of("基本支出实际（元）",
                            s.basic() == null ? null : s.basic().actual(), "基本支出预算（元）",
                            s.basic() == null ? null : s.basic().budget()))),
            Map.entry("staff-control-rate", new Formula("在职人员控制率", "Staff control rate",
                    "在职人员数 / 编制数 × 100%", (s, src) -> Calc.of("实有在职在编（人）",
                            s.staffing() == null ? null : dec(s.staffing().staffInPost()), "编制数（人）",
                            s.staffing() == null ? null : dec(s.staffing().authorizedPosts())))),
            Map.entry("three-public-change-rate", new Formula("\"三公经费\"变动率", "Change of 三公 budget",
                    "(本年三公预算 − 上年三公预算) / 上年三公预算 × 100%", (s, src) -> {
                        BigDecimal now = s.threePublic() == null ? null : s.threePublic().totalBudget();
                        BigDecimal last = s.threePublic() == null ? null : s.threePublic().budgetLastYear();
                        return new Calc("本年三公预算（元）", now, "上年三公预算（元）", last, BigDecimal.valueOf(-100));
                    })),
            Map.entry("key-spending-rate", new Formula("重点支出安排率", "Key spending rate",
                    "重点项目支出 / 项目总支出 × 100%", (s, src) -> Calc.of("重点项目支出（元）",
                            s.projectTotals() == null ? null : s.projectTotals().keyProjectsActual(), "项目总支出（元）",
                            s.projectTotals() == null ? null : s.projectTotals().actual()))),
            Map.entry("budget-completion-rate", new Formula("预算完成率", "Budget completion rate",
                    "预算完成数 / 预算数 × 100%（基本支出 + 项目支出）", (s, src) -> Calc.of("预算完成数（元）",
                            total(s, true), "预算数（元）", total(s, false)))),
            Map.entry("budget-adjustment-rate", new Formula("预算调整率", "Budget adjustment rate",
                    "预算调整数（追加与调减的绝对值之和）/ 预算数 × 100%", (s, src) -> Calc.of("预算调整数（元）",
                            s.projects() == null ? null : s.projects().stream()
                                    .map(p -> p.adjustment() == null ? BigDecimal.ZERO : p.adjustment().abs())
                                    .reduce(BigDecimal.ZERO, BigDecimal::add),
                            "预算数（元）", total(s, false)))),
            Map.entry("payment-progress-rate", new Formula("支付进度率", "Payment progress rate",
                    "1–9 月累计支付占全年支付的比例 / 既定支付进度 75% × 100%", (s, src) -> {
                        List<BigDecimal> m = s.monthlyPayments();
                        if (m == null || m.size() != 12 || m.contains(null)) {
                            return Calc.of("1–9 月累计支付（元）", null, "全年支付 × 75%（元）", null);
                        }
                        BigDecimal byCheckpoint = m.subList(0, CHECKPOINT_MONTH).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                        BigDecimal year = m.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                        return Calc.of("1–9 月累计支付（元）", byCheckpoint, "全年支付 × 75%（元）",
                                year.multiply(PLANNED_SHARE_PERCENT).divide(Money.HUNDRED));
                    })),
            Map.entry("carry-over-rate", new Formula("结转结余率", "Carry-over rate",
                    "结转结余总额 / 预算数 × 100%", (s, src) -> Calc.of("结转结余总额（元）",
                            s.carryOver() == null ? null : s.carryOver().budgetOrCurrent(), "预算数（元）", total(s, false)))),
            Map.entry("carry-over-change-rate", new Formula("结转结余变动率", "Change of carry-over",
                    "(本年结转结余 − 上年结转结余) / 上年结转结余 × 100%", (s, src) -> new Calc("本年结转结余（元）",
                            s.carryOver() == null ? null : s.carryOver().budgetOrCurrent(), "上年结转结余（元）",
                            s.carryOver() == null ? null : s.carryOver().actualOrPrevious(), BigDecimal.valueOf(-100)))),
            Map.entry("public-funds-control-rate", new Formula("公用经费控制率", "Public funds control rate",
                    "实际公用经费 / 预算公用经费 × 100%", (s, src) -> Calc.of("实际公用经费（元）",
                            s.basic() == null ? null : s.basic().publicFundsActual(), "预算公用经费（元）",
                            s.basic() == null ? null : s.basic().publicFundsBudget()))),
            Map.entry("three-public-control-rate", new Formula("\"三公经费\"控制率", "三公 control rate",
                    "三公实际 / 三公预算 × 100%", (s, src) -> Calc.of("三公实际（元）",
                            s.threePublic() == null ? null : s.threePublic().totalActual(), "三公预算（元）",
                            s.threePublic() == null ? null : s.threePublic().totalBudget()))),
            Map.entry("procurement-execution-rate", new Formula("政府采购执行率", "Procurement execution rate",
                    "实际采购 / 采购预算 × 100%", (s, src) -> Calc.of("实际采购（元）",
                            s.procurement() == null ? null : s.procurement().actualOrPrevious(), "采购预算（元）",
                            s.procurement() == null ? null : s.procurement().budgetOrCurrent()))),
            Map.entry("fixed-asset-utilisation", new Formula("固定资产利用率", "Fixed asset utilisation",
                    "在用固定资产 / 全部固定资产 × 100%", (s, src) -> Calc.of("在用固定资产（元）",
                            s.assets() == null ? null : s.assets().inUse(), "全部固定资产（元）",
                            s.assets() == null ? null : s.assets().total()))));

    public static boolean computes(String code) {
        return FORMULAS.containsKey(code);
    }

    public static IndicatorResult compute(String code, Sheet sheet, String source) {
        Formula f = FORMULAS.get(code);
        if (f == null) {
            throw new IllegalArgumentException("no formula for " + code);
        }
        Calc c = f.calc().apply(sheet, source);
        List<IndicatorResult.Input> inputs = new ArrayList<>();
        inputs.add(new IndicatorResult.Input(c.numName(), text(c.num()), source));
        inputs.add(new IndicatorResult.Input(c.denName(), text(c.den()), source));
        BigDecimal ratio = Money.ratio(c.num(), c.den());
        BigDecimal value = ratio == null ? null : Money.percent(ratio);
        if (value != null && c.offsetPercent() != null) {
            value = value.add(c.offsetPercent()); // change rates: (now − last) / last = now / last − 100%
        }
        return new IndicatorResult(code, f.name(), f.nameEn(), value, "%", f.text(), inputs, value == null);
    }

    /** 基本支出 + 项目支出, actual or budget; missing when the basic expenditure is missing. */
    private static BigDecimal total(Sheet s, boolean actual) {
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
