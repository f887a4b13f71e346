package io.jixiao.evaluation.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.Bounds;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.Messages;

/**
 * Reads the default template and checks any template: points add up per 一级 and to 100, every rule
 * has exactly the parameters of its kind, band tables in ascending order, an indicator without a
 * formula can only be qualitative. Each problem names the field path and a message code
 * (service-messages), so the API answers with it and a clerk can find the field.
 */
public final class TemplateLoader {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Set<String> KINDS = Set.of("ratio", "target", "ceiling", "bands", "rush", "qualitative");

    private TemplateLoader() {
    }

    public static Template defaultTemplate(ObjectMapper mapper) {
        try (InputStream in = TemplateLoader.class.getResourceAsStream("/templates/default.json")) {
            Template t = mapper.readValue(in, Template.class);
            List<FieldError> problems = validate(t);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("default template invalid: " + problems.stream()
                        .map(p -> p.field() + ": " + Messages.text(Messages.ZH, p.message())).toList());
            }
            return t;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every problem of the template (empty when valid). */
    public static List<FieldError> validate(Template t) {
        List<FieldError> p = new ArrayList<>();
        if (blank(t.name())) {
            p.add(new FieldError("name", "template.name-required"));
        }
        if (t.levels() == null || t.levels().isEmpty()) {
            p.add(new FieldError("levels", "template.levels-required"));
            return p;
        }
        // A real 指标体系 has 3-5 first-level, a few dozen indicators; the bounds keep every rescore cheap.
        Bounds.text(p, "name", t.name(), 200);
        Bounds.text(p, "description", t.description(), 2000);
        if (!Bounds.list(p, "levels", t.levels(), 20)) {
            return p;
        }
        Set<String> codes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean totalKnown = true;
        for (int i = 0; i < t.levels().size(); i++) {
            Template.Level1 l1 = t.levels().get(i);
            String lp = "levels[" + i + "]";
            if (l1 == null) {
                p.add(new FieldError(lp, "template.level-required"));
                totalKnown = false;
                continue;
            }
            if (blank(l1.name())) {
                p.add(new FieldError(lp + ".name", "template.name-required"));
            }
            nameEn(l1.nameEn(), lp + ".nameEn", p);
            boolean levelPointsOk = points(l1.points(), lp + ".points", p, true);
            BigDecimal sum = BigDecimal.ZERO;
            boolean sumKnown = true;
            if (l1.children() == null || l1.children().isEmpty()) {
                p.add(new FieldError(lp + ".children", "template.children-required"));
                sumKnown = false;
            } else if (!Bounds.list(p, lp + ".children", l1.children(), 50)) {
                sumKnown = false;
            } else {
                for (int j = 0; j < l1.children().size(); j++) {
                    Template.Level2 l2 = l1.children().get(j);
                    String l2p = lp + ".children[" + j + "]";
                    if (l2 == null || blank(l2.name())) {
                        p.add(new FieldError(l2p + ".name", "template.name-required"));
                    }
                    if (l2 != null) {
                        nameEn(l2.nameEn(), l2p + ".nameEn", p);
                    }
                    if (l2 == null || l2.children() == null || l2.children().isEmpty()) {
                        p.add(new FieldError(l2p + ".children", "template.children-required"));
                        continue;
                    }
                    Bounds.text(p, l2p + ".name", l2.name(), 200);
                    if (!Bounds.list(p, l2p + ".children", l2.children(), 100)) {
                        sumKnown = false;
                        continue;
                    }
                    for (int k = 0; k < l2.children().size(); k++) {
                        Template.Indicator ind = l2.children().get(k);
                        String ip = l2p + ".children[" + k + "]";
                        if (ind == null) {
                            p.add(new FieldError(ip, "template.indicator-required"));
                            sumKnown = false;
                            continue;
                        }
                        if (ind.code() == null || !CODE.matcher(ind.code()).matches()) {
                            p.add(new FieldError(ip + ".code", "template.code-invalid"));
                        } else if (!codes.add(ind.code())) {
                            p.add(new FieldError(ip + ".code", "template.code-duplicate"));
                        }
                        if (blank(ind.name())) {
                            p.add(new FieldError(ip + ".name", "template.name-required"));
                        }
                        Bounds.text(p, ip + ".name", ind.name(), 200);
                        nameEn(ind.nameEn(), ip + ".nameEn", p);
                        if (points(ind.points(), ip + ".points", p, false)) {
                            sum = sum.add(ind.points());
                        } else {
                            sumKnown = false;
                        }
                        validateRule(ind, ip + ".rule", p);
                    }
                }
            }
            if (levelPointsOk && sumKnown && sum.compareTo(l1.points()) != 0) {
                p.add(new FieldError(lp + ".points", "template.level-points-sum"));
            }
            if (levelPointsOk) {
                total = total.add(l1.points());
            } else {
                totalKnown = false;
            }
        }
        if (totalKnown && total.compareTo(HUNDRED) != 0) {
            p.add(new FieldError("levels", "template.points-total"));
        }
        if (t.project() != null) {
            Template.ProjectWeights w = t.project();
            boolean ok = points(w.budgetExecution(), "project.budgetExecution", p, true)
                    & points(w.output(), "project.output", p, true)
                    & points(w.benefit(), "project.benefit", p, true)
                    & points(w.satisfaction(), "project.satisfaction", p, true);
            if (ok && w.budgetExecution().add(w.output()).add(w.benefit()).add(w.satisfaction()).compareTo(HUNDRED) != 0) {
                p.add(new FieldError("project", "template.project-points-total"));
            }
        }
        return p;
    }

    /** An English name is optional; when given it is read by English-speaking callers, so no blanks or Chinese. */
    private static void nameEn(String v, String path, List<FieldError> p) {
        if (v != null && (v.isBlank() || v.length() > 200 || HAN.matcher(v).find())) {
            p.add(new FieldError(path, "template.name-en-invalid"));
        }
    }

    /** Points: present, at most 2 decimals, not negative (an indicator: above 0), at most 100. */
    private static boolean points(BigDecimal v, String path, List<FieldError> p, boolean zeroAllowed) {
        if (v == null || v.stripTrailingZeros().scale() > 2 || v.compareTo(HUNDRED) > 0
                || (zeroAllowed ? v.signum() < 0 : v.signum() <= 0)) {
            p.add(new FieldError(path, "template.points-invalid"));
            return false;
        }
        return true;
    }

    private static void validateRule(Template.Indicator ind, String rp, List<FieldError> p) {
        Template.Rule r = ind.rule();
        if (r == null || r.kind() == null || !KINDS.contains(r.kind())) {
            p.add(new FieldError(rp + ".kind", "template.rule-kind-invalid"));
            return;
        }
        if (!"qualitative".equals(r.kind()) && ind.code() != null && !Formulas.computes(ind.code())
                && !GoalFormulas.computes(ind.code())) {
            p.add(new FieldError(rp + ".kind", "template.rule-not-computable"));
        }
        boolean target = "target".equals(r.kind());
        boolean ceiling = "ceiling".equals(r.kind());
        boolean bands = "bands".equals(r.kind());
        boolean rush = "rush".equals(r.kind());
        if (rush && (ind.code() == null || !Formulas.RUSH.contains(ind.code()))) {
            // its defaults are thresholds of December's and the fourth quarter's share, and of nothing else
            p.add(new FieldError(rp + ".kind", "template.rush-only-late-share"));
        }
        if (rush) {
            // both optional (the configured defaults apply); a given one must be a share in 0–100% and a deduction
            if (r.threshold() != null && (r.threshold().stripTrailingZeros().scale() > 2 || r.threshold().signum() <= 0
                    || r.threshold().compareTo(HUNDRED) >= 0)) {
                p.add(new FieldError(rp + ".threshold", "template.rush-threshold-invalid"));
            }
            if (r.deductPerPoint() != null) {
                deduct(r.deductPerPoint(), rp, p);
            }
            if (r.target() != null) {
                p.add(new FieldError(rp + ".target", "template.param-not-allowed"));
            }
            if (r.bands() != null && !r.bands().isEmpty()) {
                p.add(new FieldError(rp + ".bands", "template.param-not-allowed"));
            }
            return;
        }
        if (target) {
            percentParam(r.target(), rp + ".target", p, BigDecimal.ZERO);
        } else if (r.target() != null) {
            p.add(new FieldError(rp + ".target", "template.param-not-allowed"));
        }
        if (ceiling) {
            percentParam(r.threshold(), rp + ".threshold", p, BigDecimal.valueOf(-100));
        } else if (r.threshold() != null) {
            p.add(new FieldError(rp + ".threshold", "template.param-not-allowed"));
        }
        if (target || ceiling) {
            deduct(r.deductPerPoint(), rp, p);
        } else if (r.deductPerPoint() != null) {
            p.add(new FieldError(rp + ".deductPerPoint", "template.param-not-allowed"));
        }
        if (!bands) {
            if (r.bands() != null && !r.bands().isEmpty()) {
                p.add(new FieldError(rp + ".bands", "template.param-not-allowed"));
            }
            return;
        }
        if (r.bands() == null || r.bands().isEmpty()) {
            p.add(new FieldError(rp + ".bands", "template.bands-required"));
            return;
        }
        if (!Bounds.list(p, rp + ".bands", r.bands(), 20)) {
            return;
        }
        BigDecimal previous = null;
        for (int b = 0; b < r.bands().size(); b++) {
            Template.Band band = r.bands().get(b);
            String bp = rp + ".bands[" + b + "]";
            // upTo is a rate in %: 4 digits before the point bound it (1e99999999 would print as 100 MB)
            if (band == null || band.upTo() == null || band.upTo().stripTrailingZeros().scale() > 2
                    || !Bounds.number(new ArrayList<>(), bp + ".upTo", band.upTo(), 4, 2)) {
                p.add(new FieldError(bp + ".upTo", "template.band-up-to-invalid"));
                previous = null;
                continue;
            }
            if (band.share() == null || band.share().signum() < 0 || band.share().compareTo(BigDecimal.ONE) > 0
                    || band.share().stripTrailingZeros().scale() > 4) {
                p.add(new FieldError(bp + ".share", "template.band-share-invalid"));
            }
            if (previous != null && band.upTo().compareTo(previous) <= 0) {
                p.add(new FieldError(bp + ".upTo", "template.bands-order"));
            }
            previous = band.upTo();
        }
    }

    /** A deduction per percentage point: a share of the points in (0, 1], at most 4 decimals. */
    private static void deduct(BigDecimal d, String rp, List<FieldError> p) {
        if (d == null || d.signum() <= 0 || d.compareTo(BigDecimal.ONE) > 0 || d.stripTrailingZeros().scale() > 4) {
            p.add(new FieldError(rp + ".deductPerPoint", "template.deduct-invalid"));
        }
    }

    /** A percentage parameter: present, at most 2 decimals, between min and 1000. */
    private static void percentParam(BigDecimal v, String path, List<FieldError> p, BigDecimal min) {
        if (v == null || v.stripTrailingZeros().scale() > 2 || v.compareTo(min) < 0 || v.compareTo(BigDecimal.valueOf(1000)) > 0) {
            p.add(new FieldError(path, "template.percent-invalid"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
