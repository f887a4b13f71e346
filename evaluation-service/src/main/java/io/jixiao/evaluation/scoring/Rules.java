package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rule kinds of domain.md, each a function of (points, value in %) with its parameters. Scores
 * are exact until the end and then rounded half-up to 2 decimals; never below 0 or above the points.
 */
public final class Rules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rules() {
    }

    public static BigDecimal score(Template.Rule rule, BigDecimal points, BigDecimal valuePercent) {
        BigDecimal share = switch (rule.kind()) {
            case "ratio" -> valuePercent.divide(HUNDRED, 10, RoundingMode.HALF_UP).min(BigDecimal.ONE);
            case "target" -> BigDecimal.ONE.subtract(
                    valuePercent.subtract(rule.target()).abs().multiply(rule.deductPerPoint()));
            // rush: a ceiling on the late share, its parameters filled from the defaults when left out
            case "ceiling", "rush" -> valuePercent.compareTo(rule.threshold()) <= 0 ? BigDecimal.ONE
                    : BigDecimal.ONE.subtract(valuePercent.subtract(rule.threshold()).multiply(rule.deductPerPoint()));
            case "bands" -> band(rule, valuePercent);
            default -> throw new IllegalArgumentException("rule " + rule.kind() + " is not computed from a value");
        };
        BigDecimal bounded = share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
        return points.multiply(bounded).setScale(2, RoundingMode.HALF_UP);
    }

    /** First band whose upper bound the value does not exceed; above the last band: 0. */
    private static BigDecimal band(Template.Rule rule, BigDecimal valuePercent) {
        for (Template.Band b : rule.bands()) {
            if (valuePercent.compareTo(b.upTo()) <= 0) {
                return b.share();
            }
        }
        return BigDecimal.ZERO;
    }

    /** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (财预〔2020〕10号). */
    public static String grade(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return "优";
        }
        if (total.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return "良";
        }
        if (total.compareTo(BigDecimal.valueOf(60)) >= 0) {
            return "中";
        }
        return "差";
    }
}
