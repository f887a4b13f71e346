package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.jixiao.platform.problem.Messages;

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

    public static ScoreCard score(Template template, BudgetSheet sheet, Map<String, SelfScore> selfScores, String source) {
        return score(template, sheet, selfScores, Map.of(), List.of(), source, Messages.ZH);
    }

    public static ScoreCard score(Template template, BudgetSheet sheet, Map<String, SelfScore> selfScores,
            Map<String, Adjustment> adjustments, List<GoalOutcome> goals, String source) {
        return score(template, sheet, selfScores, adjustments, goals, source, Messages.ZH);
    }

    /**
     * The card with every generated sentence (rule, formula, inputs, why, 数据缺失) in the locale's language;
     * names stay the template's data (nameEn beside them). Scores do not depend on the locale.
     */
    public static ScoreCard score(Template template, BudgetSheet sheet, Map<String, SelfScore> selfScores,
            Map<String, Adjustment> adjustments, List<GoalOutcome> goals, String source,
            Locale locale) {
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
                                ruleText(ind.rule(), locale), ind.rule(), null, zero(), "PENDING_SELF_SCORE",
                                Messages.text(locale, "score.pending-self-score"), null, null, null)
                        : new ScoreCard.Item(p.level1(), p.level2(), ind.code(), ind.name(), ind.points(), "qualitative",
                                ruleText(ind.rule(), locale), ind.rule(), null, self.score(), "SELF_SCORED", self.evidence(),
                                null, null, null).withSelfScoreVersion(self.version());
            } else if ((sheet != null && Formulas.computes(ind.code())) || GoalFormulas.computes(ind.code())) {
                IndicatorResult r = GoalFormulas.computes(ind.code()) ? GoalFormulas.compute(ind.code(), goals, locale)
                        : Formulas.compute(ind.code(), sheet, source, locale);
                if (r.missing()) {
                    item = missingItem(p, r, locale);
                } else {
                    BigDecimal score = Rules.score(ind.rule(), ind.points(), r.value());
                    item = new ScoreCard.Item(p.level1(), p.level2(), ind.code(), ind.name(), ind.points(),
                            ind.rule().kind(), ruleText(ind.rule(), locale), ind.rule(), r.value(), score, "SCORED",
                            explain(ind, r.value(), score, locale), r, null, null);
                }
            } else {
                item = missingItem(p, null, locale);
            }
            item = item.withEnglishNames(p.level1En(), p.level2En(), ind.nameEn());
            Adjustment adj = adjustments.get(ind.code());
            if (adj != null) {
                item = item.adjusted(adj.score(), adj.comment(), adj.version());
            }
            if ("MISSING".equals(item.status())) {
                missing.add(ind.name(locale));
            }
            total = total.add(item.finalScore());
            items.add(item);
        }
        return new ScoreCard(template.code(), null, null, false, total, Rules.grade(total), max, items, missing, List.of());
    }

    private static ScoreCard.Item missingItem(Template.Placed p, IndicatorResult r, Locale locale) {
        Template.Indicator ind = p.indicator();
        return new ScoreCard.Item(p.level1(), p.level2(), ind.code(), ind.name(), ind.points(), ind.rule().kind(),
                ruleText(ind.rule(), locale), ind.rule(), null, zero(), "MISSING", missingText(r, locale), r, null, null);
    }

    /** 数据缺失 with the inputs that are absent, so the department knows what to enter. */
    static String missingText(IndicatorResult r, Locale locale) {
        if (r == null) {
            return Messages.text(locale, "score.missing.no-source");
        }
        List<String> absent = r.inputs().stream().filter(i -> i.value() == null).map(IndicatorResult.Input::name).toList();
        if (absent.isEmpty()) {
            // every input is there, but the denominator is 0: the rate is undefined, not 0% or 100%
            return Messages.text(locale, "score.missing.zero-denominator");
        }
        return Messages.text(locale, "score.missing.inputs", String.join(listSeparator(locale), absent));
    }

    /** Why the points were (not) given, in the words of the rule. */
    static String explain(Template.Indicator ind, BigDecimal value, BigDecimal score, Locale locale) {
        String v = value.toPlainString() + "%";
        String lost = ind.points().subtract(score).toPlainString();
        Template.Rule r = ind.rule();
        return switch (r.kind()) {
            case "ratio" -> Messages.text(locale, "score.explain.ratio", ind.points().toPlainString(), v, score.toPlainString());
            case "target" -> Messages.text(locale, "score.explain.target", r.target().toPlainString(), v,
                    pct(r.deductPerPoint()), lost);
            case "ceiling" -> value.compareTo(r.threshold()) <= 0
                    ? Messages.text(locale, "score.explain.ceiling-within", v, r.threshold().toPlainString())
                    : Messages.text(locale, "score.explain.ceiling-above", v, r.threshold().toPlainString(),
                            pct(r.deductPerPoint()), lost);
            case "bands" -> Messages.text(locale, "score.explain.bands", v, score.toPlainString());
            case "rush" -> value.compareTo(r.threshold()) <= 0
                    ? Messages.text(locale, "score.explain.rush-within", v, r.threshold().toPlainString())
                    : Messages.text(locale, "score.explain.rush-above", v, r.threshold().toPlainString(),
                            pct(r.deductPerPoint()), lost);
            default -> "";
        };
    }

    static String ruleText(Template.Rule r, Locale locale) {
        return switch (r.kind()) {
            case "ratio" -> Messages.text(locale, "score.rule.ratio");
            case "target" -> Messages.text(locale, "score.rule.target", r.target().toPlainString(), pct(r.deductPerPoint()));
            case "ceiling" -> Messages.text(locale, "score.rule.ceiling", r.threshold().toPlainString(), pct(r.deductPerPoint()));
            case "bands" -> Messages.text(locale, "score.rule.bands", String.join(Template.english(locale) ? ", " : "，",
                    r.bands().stream().map(b -> Messages.text(locale, "score.rule.band", b.upTo().toPlainString(),
                            pct(b.share()))).toList()));
            case "rush" -> Messages.text(locale, "score.rule.rush", r.threshold().toPlainString(), pct(r.deductPerPoint()));
            case "qualitative" -> Messages.text(locale, "score.rule.qualitative");
            default -> r.kind();
        };
    }

    /** How a list of names is joined in running text: 、 in Chinese, a comma in English. */
    static String listSeparator(Locale locale) {
        return Template.english(locale) ? ", " : "、";
    }

    private static String pct(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
