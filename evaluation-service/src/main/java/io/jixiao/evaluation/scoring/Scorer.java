package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jixiao.evaluation.service.IndicatorResult;

/** Scores a department-year against a template: formulas for what the figures give, self-scores for the rest. */
public final class Scorer {

    private Scorer() {
    }

    /** A department's self-score of a qualitative indicator, with its evidence. */
    public record SelfScore(BigDecimal score, String evidence, Long version) {
        public SelfScore(BigDecimal score, String evidence) {
            this(score, evidence, null);
        }
    }

    /** A finance reviewer's adjusted score with its comment. */
    public record Adjustment(BigDecimal score, String comment, Long version) {
        public Adjustment(BigDecimal score, String comment) {
            this(score, comment, null);
        }
    }

    public static ScoreCard score(Template template, Sheet sheet, Map<String, SelfScore> selfScores, String source) {
        return score(template, sheet, selfScores, Map.of(), List.of(), source);
    }

    public static ScoreCard score(Template template, Sheet sheet, Map<String, SelfScore> selfScores,
            Map<String, Adjustment> adjustments, List<io.jixiao.evaluation.domain.GoalIndicator> goals, String source) {
        List<ScoreCard.Item> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Template.Placed p : template.indicators()) {
            Template.Indicator ind = p.indicator();
            max = max.add(ind.points());
            ScoreCard.Item item;
            if ("qualitative".equals(ind.rule().kind())) {
                SelfScore self = selfScores.get(ind.code());
                item = self == null
                        ? new ScoreCard.Item(p.level1(), p.level2(), ind.code(), ind.name(), ind.points(), "qualitative",
                                ruleText(ind.rule()), ind.rule(), null, zero(), "PENDING_SELF_SCORE", "尚未自评：按 0 分计", null, null, null)
                        : new ScoreCard.Item(p.level1(), p.level2(), ind.code(), ind.name(), ind.points(), "qualitative",
                                ruleText(ind.rule()), ind.rule(), null, self.score(), "SELF_SCORED", self.evidence(), null, null, null)
                                .withSelfScoreVersion(self.version());
            } else if ((sheet != null && Formulas.computes(ind.code())) || GoalFormulas.computes(ind.code())) {
                IndicatorResult r = GoalFormulas.computes(ind.code()) ? GoalFormulas.compute(ind.code(), goals)
                        : Formulas.compute(ind.code(), sheet, source);
                if (r.missing()) {
                    item = missingItem(p, r);
                } else {
                    BigDecimal score = Rules.score(ind.rule(), ind.points(), r.value());
                    item = new ScoreCard.Item(p.level1(), p.level2(), ind.code(), ind.name(), ind.points(),
                            ind.rule().kind(), ruleText(ind.rule()), ind.rule(), r.value(), score, "SCORED",
                            explain(ind, r.value(), score), r, null, null);
                }
            } else {
                item = missingItem(p, null);
            }
            Adjustment adj = adjustments.get(ind.code());
            if (adj != null) {
                item = item.adjusted(adj.score(), adj.comment(), adj.version());
            }
            if ("MISSING".equals(item.status())) {
                missing.add(ind.name());
            }
            total = total.add(item.finalScore());
            items.add(item);
        }
        return new ScoreCard(template.code(), null, null, false, total, Rules.grade(total), max, items, missing, List.of());
    }

    private static ScoreCard.Item missingItem(Template.Placed p, IndicatorResult r) {
        Template.Indicator ind = p.indicator();
        return new ScoreCard.Item(p.level1(), p.level2(), ind.code(), ind.name(), ind.points(), ind.rule().kind(),
                ruleText(ind.rule()), ind.rule(), null, zero(), "MISSING", missingText(r), r, null, null);
    }

    /** 数据缺失 with the inputs that are absent, so the department knows what to enter. */
    static String missingText(IndicatorResult r) {
        if (r == null) {
            return "数据缺失：该指标没有计算来源，按 0 分计";
        }
        List<String> absent = r.inputs().stream().filter(i -> i.value() == null).map(IndicatorResult.Input::name).toList();
        if (absent.isEmpty()) {
            // every input is there, but the denominator is 0: the rate is undefined, not 0% or 100%
            return "数据缺失：分母为 0，比率无法计算，按 0 分计";
        }
        return "数据缺失：未填报 " + String.join("、", absent) + "，按 0 分计";
    }

    /** Why the points were (not) given, in the words of the rule. */
    static String explain(Template.Indicator ind, BigDecimal value, BigDecimal score) {
        String v = value.toPlainString() + "%";
        String lost = ind.points().subtract(score).toPlainString();
        Template.Rule r = ind.rule();
        return switch (r.kind()) {
            case "ratio" -> "得分 = " + ind.points().toPlainString() + " × min(" + v + ", 100%) = " + score.toPlainString();
            case "target" -> "目标 " + r.target().toPlainString() + "%，实际 " + v + "，每偏离 1 个百分点扣 "
                    + pct(r.deductPerPoint()) + " 分值，扣 " + lost + " 分";
            case "ceiling" -> value.compareTo(r.threshold()) <= 0
                    ? v + " 未超过上限 " + r.threshold().toPlainString() + "%，得满分"
                    : v + " 超过上限 " + r.threshold().toPlainString() + "%，每超 1 个百分点扣 " + pct(r.deductPerPoint())
                            + " 分值，扣 " + lost + " 分";
            case "bands" -> v + " 落在分档表中，得 " + score.toPlainString() + " 分";
            default -> "";
        };
    }

    static String ruleText(Template.Rule r) {
        return switch (r.kind()) {
            case "ratio" -> "比率：得分 = 分值 × min(比率, 100%)";
            case "target" -> "目标值 " + r.target().toPlainString() + "%：每偏离 1 个百分点扣分值的 " + pct(r.deductPerPoint());
            case "ceiling" -> "上限 " + r.threshold().toPlainString() + "%：每超 1 个百分点扣分值的 " + pct(r.deductPerPoint());
            case "bands" -> "分档：" + String.join("，", r.bands().stream()
                    .map(b -> "≤" + b.upTo().toPlainString() + "% 得 " + pct(b.share())).toList()) + "，以上 0";
            case "qualitative" -> "定性：好 80–100%，中 60–80%，差 0–60%，须附佐证";
            default -> r.kind();
        };
    }

    private static String pct(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
