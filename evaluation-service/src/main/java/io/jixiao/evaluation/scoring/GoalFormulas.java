package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.jixiao.platform.money.Money;
import io.jixiao.platform.problem.Messages;

/**
 * The 产出 indicators of the template from the department's goal indicators: the share of indicators
 * met among those of a kind. No goal indicator of the kind, or none with an actual: 数据缺失.
 */
public final class GoalFormulas {

    /** which indicators count: named in the service messages as goal-formula.&lt;code&gt;.which (中文 and English). */
    private record Kind(String name, String nameEn, Predicate<GoalOutcome> filter) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "task-completion-rate", new Kind("实际完成率", "Task completion rate",
                    g -> g.category() != GoalOutcome.Category.BENEFIT && g.category() != GoalOutcome.Category.SATISFACTION),
            "task-timeliness-rate", new Kind("完成及时率", "Timeliness rate",
                    g -> g.category() == GoalOutcome.Category.TIMELINESS),
            "task-quality-rate", new Kind("质量达标率", "Quality rate", g -> g.category() == GoalOutcome.Category.QUALITY),
            "key-task-completion-rate", new Kind("重点工作办结率", "Key task completion rate", g -> g.keyTask()));

    private GoalFormulas() {
    }

    public static boolean computes(String code) {
        return KINDS.containsKey(code);
    }

    /** Every goal rate a template can use, by code (the template editor's list). */
    public static List<Formulas.Known> known() {
        return KINDS.entrySet().stream().map(e -> new Formulas.Known(e.getKey(), e.getValue().name(), e.getValue().nameEn()))
                .sorted(java.util.Comparator.comparing(Formulas.Known::code)).toList();
    }

    public static IndicatorResult compute(String code, List<GoalOutcome> goals) {
        return compute(code, goals, Messages.ZH);
    }

    /** The rate with its formula, input labels and source in the locale's language. */
    public static IndicatorResult compute(String code, List<GoalOutcome> goals, Locale locale) {
        Kind k = KINDS.get(code);
        String which = Messages.text(locale, "goal-formula." + code + ".which");
        String source = Messages.text(locale, "goal-formula.source");
        List<GoalOutcome> relevant = goals.stream().filter(k.filter()).filter(g -> g.met() != null).toList();
        long met = relevant.stream().filter(g -> Boolean.TRUE.equals(g.met())).count();
        BigDecimal ratio = relevant.isEmpty() ? null : Money.ratio(BigDecimal.valueOf(met), BigDecimal.valueOf(relevant.size()));
        List<IndicatorResult.Input> inputs = List.of(
                new IndicatorResult.Input(Messages.text(locale, "goal-formula.met", which),
                        relevant.isEmpty() ? null : String.valueOf(met), source),
                new IndicatorResult.Input(Messages.text(locale, "goal-formula.entered", which),
                        relevant.isEmpty() ? null : String.valueOf(relevant.size()), source));
        BigDecimal value = ratio == null ? null : Money.percent(ratio);
        return new IndicatorResult(code, k.name(), k.nameEn(), value, "%",
                Messages.text(locale, "goal-formula.formula", which), inputs, value == null);
    }
}
