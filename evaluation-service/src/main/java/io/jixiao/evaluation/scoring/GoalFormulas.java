package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.jixiao.evaluation.domain.GoalIndicator;
import io.jixiao.evaluation.service.IndicatorResult;
import io.jixiao.platform.money.Money;

/**
 * The 产出 indicators of the template from the department's goal indicators: the share of indicators
 * met among those of a kind. No goal indicator of the kind, or none with an actual: 数据缺失.
 */
public final class GoalFormulas {

    private record Kind(String name, String nameEn, String which, Predicate<GoalIndicator> filter) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "task-completion-rate", new Kind("实际完成率", "Task completion rate", "产出指标（数量、质量、时效、成本）",
                    g -> g.category != GoalIndicator.Category.BENEFIT && g.category != GoalIndicator.Category.SATISFACTION),
            "task-timeliness-rate", new Kind("完成及时率", "Timeliness rate", "时效指标",
                    g -> g.category == GoalIndicator.Category.TIMELINESS),
            "task-quality-rate", new Kind("质量达标率", "Quality rate", "质量指标",
                    g -> g.category == GoalIndicator.Category.QUALITY),
            "key-task-completion-rate", new Kind("重点工作办结率", "Key task completion rate", "重点工作指标",
                    g -> g.keyTask));

    private GoalFormulas() {
    }

    public static boolean computes(String code) {
        return KINDS.containsKey(code);
    }

    public static IndicatorResult compute(String code, List<GoalIndicator> goals) {
        Kind k = KINDS.get(code);
        List<GoalIndicator> relevant = goals.stream().filter(k.filter()).filter(g -> g.actual != null).toList();
        long met = relevant.stream().filter(g -> Boolean.TRUE.equals(g.met())).count();
        BigDecimal ratio = relevant.isEmpty() ? null : Money.ratio(BigDecimal.valueOf(met), BigDecimal.valueOf(relevant.size()));
        List<IndicatorResult.Input> inputs = List.of(
                new IndicatorResult.Input("达到目标值的" + k.which() + "（个）", relevant.isEmpty() ? null : String.valueOf(met), "绩效目标"),
                new IndicatorResult.Input("已填实际值的" + k.which() + "（个）", relevant.isEmpty() ? null : String.valueOf(relevant.size()), "绩效目标"));
        BigDecimal value = ratio == null ? null : Money.percent(ratio);
        return new IndicatorResult(code, k.name(), k.nameEn(), value, "%", "达到目标值的" + k.which() + " / " + k.which() + "总数 × 100%",
                inputs, value == null);
    }
}
