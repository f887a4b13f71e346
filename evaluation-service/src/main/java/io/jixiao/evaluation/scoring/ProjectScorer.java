package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.money.Money;
import io.jixiao.platform.problem.Messages;

/**
 * 项目支出绩效自评 of one project (财预〔2020〕10号): 预算执行率 = pts × min(全年执行数 / 全年预算数, 100%);
 * 产出, 效益 and 满意度 from the indicators the department set for the project. A part's points are shared
 * equally by its indicators: a quantitative one earns its share when its target is met, else in
 * proportion to attainment; a qualitative one the percentage self-scored within its tier. An indicator
 * without an actual value scores 0 and is listed as 数据缺失; a part without indicators is 数据缺失.
 */
public final class ProjectScorer {

    private static final int SCALE = 10;
    private static final Template.Rule RATIO = new Template.Rule("ratio", null, null, null, null);
    static final Set<String> OUTPUT = Set.of("QUANTITY", "QUALITY", "TIMELINESS", "COST");

    private ProjectScorer() {
    }

    /**
     * One indicator as the department entered it. kind QUANTITATIVE: unit, direction (GE ≥, LE ≤, EQ =),
     * target, actual (null: not yet known). kind QUALITATIVE: tier and selfScorePercent (share of the
     * indicator's points, within the tier) with evidence.
     */
    public record Indicator(String category, String name, String kind, String unit, String direction,
            BigDecimal target, BigDecimal actual, String tier, BigDecimal selfScorePercent, String evidence) {
    }

    /** weight: the indicator's share of its part's points (2 decimals, for display); attainment in %. */
    public record IndicatorScore(String category, String name, String kind, BigDecimal weight, BigDecimal attainment,
            BigDecimal score, String status, String explanation) {
    }

    /** code: budget-execution, output, benefit, satisfaction. */
    public record Part(String code, String name, BigDecimal points,
            @Schema(description = "null when 数据缺失", nullable = true) BigDecimal value, BigDecimal score, String status,
            String formula, String explanation, List<IndicatorResult.Input> inputs, List<IndicatorScore> indicators) {
    }

    public record ProjectCard(long projectId, String name, boolean keyProject, @Schema(nullable = true) BigDecimal budget,
            @Schema(nullable = true) BigDecimal adjustedBudget, @Schema(nullable = true) BigDecimal actual, List<Part> parts,
            BigDecimal total, String grade,
            List<String> missing) {
    }

    public static ProjectCard score(Template.ProjectWeights w, BudgetSheet.Project p, List<Indicator> indicators,
            String source) {
        return score(w, p, indicators, source, Messages.ZH);
    }

    /** The project's card with every generated sentence in the locale's language (names entered stay as entered). */
    public static ProjectCard score(Template.ProjectWeights w, BudgetSheet.Project p, List<Indicator> indicators,
            String source, Locale locale) {
        List<String> missing = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        parts.add(execution(w.budgetExecution(), p, source, missing, locale));
        parts.add(part("output", w.output(), indicators.stream().filter(i -> OUTPUT.contains(i.category())).toList(),
                missing, locale));
        parts.add(part("benefit", w.benefit(), indicators.stream().filter(i -> "BENEFIT".equals(i.category())).toList(),
                missing, locale));
        parts.add(part("satisfaction", w.satisfaction(),
                indicators.stream().filter(i -> "SATISFACTION".equals(i.category())).toList(), missing, locale));
        BigDecimal total = parts.stream().map(Part::score).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new ProjectCard(p.id() == null ? 0 : p.id(), p.name(), p.keyProject(), p.budget(), p.adjustedBudget(),
                p.actual(), parts, total, Rules.grade(total), missing);
    }

    private static Part execution(BigDecimal pts, BudgetSheet.Project p, String source, List<String> missing, Locale locale) {
        String code = "budget-execution";
        String name = Messages.text(locale, "project.part." + code);
        String formula = Messages.text(locale, "project.formula.execution");
        List<IndicatorResult.Input> inputs = List.of(
                new IndicatorResult.Input(Messages.text(locale, "project.input.actual"), text(p.actual()), source),
                new IndicatorResult.Input(Messages.text(locale, "project.input.budget"), text(p.adjustedBudget()), source));
        BigDecimal ratio = Money.ratio(p.actual(), p.adjustedBudget());
        if (ratio == null) {
            missing.add(name);
            return new Part(code, name, pts, null, zero(), "MISSING", formula,
                    Messages.text(locale, p.adjustedBudget() == null || p.actual() == null
                            ? "project.execution.missing-input" : "project.execution.zero-budget"), inputs, List.of());
        }
        BigDecimal value = Money.percent(ratio);
        BigDecimal score = Rules.score(RATIO, pts, value);
        return new Part(code, name, pts, value, score, "SCORED", formula, Messages.text(locale, "score.explain.ratio",
                pts.toPlainString(), value.toPlainString() + "%", score.toPlainString()), inputs, List.of());
    }

    private static Part part(String code, BigDecimal pts, List<Indicator> list, List<String> missing, Locale locale) {
        String name = Messages.text(locale, "project.part." + code);
        String formula = Messages.text(locale, "project.formula.indicators");
        if (list.isEmpty()) {
            missing.add(name);
            return new Part(code, name, pts, null, zero(), "MISSING", formula,
                    Messages.text(locale, "project.part.missing", Messages.text(locale, "project.part." + code + ".none")),
                    List.of(), List.of());
        }
        BigDecimal n = BigDecimal.valueOf(list.size());
        BigDecimal share = pts.divide(n, SCALE, RoundingMode.HALF_UP);
        BigDecimal sum = BigDecimal.ZERO;
        List<IndicatorScore> scores = new ArrayList<>();
        for (Indicator i : list) {
            BigDecimal att = attainment(i);
            String status;
            String why;
            if (att == null) {
                status = "MISSING";
                why = Messages.text(locale, "project.indicator.missing");
                missing.add(Messages.text(locale, "project.missing.indicator", name, i.name()));
                att = BigDecimal.ZERO;
            } else if ("QUALITATIVE".equals(i.kind())) {
                status = "SELF_SCORED";
                why = Messages.text(locale, "project.indicator.qualitative", tierText(i.tier(), locale),
                        i.selfScorePercent().stripTrailingZeros().toPlainString(), i.evidence());
            } else {
                status = "SCORED";
                why = attainmentText(i, att, locale);
            }
            sum = sum.add(att);
            scores.add(new IndicatorScore(i.category(), i.name(), i.kind(), share.setScale(2, RoundingMode.HALF_UP),
                    Money.percent(att), share.multiply(att).setScale(2, RoundingMode.HALF_UP), status, why));
        }
        BigDecimal mean = sum.divide(n, SCALE, RoundingMode.HALF_UP);
        BigDecimal score = pts.multiply(mean).setScale(2, RoundingMode.HALF_UP);
        String explanation = Messages.text(locale, "project.explain.indicators", pts.toPlainString(), String.join(" + ",
                scores.stream().map(s -> s.attainment().toPlainString() + "%").toList()), String.valueOf(list.size()),
                score.toPlainString());
        return new Part(code, name, pts, Money.percent(mean), score, "SCORED", formula, explanation, List.of(), scores);
    }

    /** Share of the indicator achieved (0 … 1); null when its actual is missing. */
    static BigDecimal attainment(Indicator i) {
        if ("QUALITATIVE".equals(i.kind())) {
            return i.selfScorePercent() == null ? null : i.selfScorePercent().divide(TemplateLoader.HUNDRED, SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal a = i.actual();
        BigDecimal t = i.target();
        if (a == null || t == null) {
            return null;
        }
        return switch (i.direction()) {
            case "GE" -> t.signum() == 0 || a.compareTo(t) >= 0 ? BigDecimal.ONE : a.divide(t, SCALE, RoundingMode.HALF_UP);
            case "LE" -> a.compareTo(t) <= 0 ? BigDecimal.ONE : t.divide(a, SCALE, RoundingMode.HALF_UP);
            default -> a.compareTo(t) == 0 ? BigDecimal.ONE
                    : a.min(t).divide(a.max(t), SCALE, RoundingMode.HALF_UP);
        };
    }

    private static String attainmentText(Indicator i, BigDecimal att, Locale locale) {
        String sign = switch (i.direction()) {
            case "GE" -> "≥";
            case "LE" -> "≤";
            default -> "=";
        };
        String unit = unit(i.unit(), locale);
        String target = i.target().stripTrailingZeros().toPlainString() + unit;
        String actual = i.actual().stripTrailingZeros().toPlainString() + unit;
        return att.compareTo(BigDecimal.ONE) == 0 ? Messages.text(locale, "project.indicator.met", sign, target, actual)
                : Messages.text(locale, "project.indicator.partial", sign, target, actual, Money.percent(att).toPlainString());
    }

    /** The unit in the locale's words (件 → " cases"); a unit without a translation as entered. */
    static String unit(String unit, Locale locale) {
        String key = "project.unit." + unit;
        String text = Messages.text(locale, key);
        return key.equals(text) ? unit : text;
    }

    private static String tierText(String tier, Locale locale) {
        return Messages.text(locale, "project.tier." + switch (String.valueOf(tier)) {
            case "GOOD" -> "GOOD";
            case "FAIR" -> "FAIR";
            default -> "POOR";
        });
    }

    private static String text(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
