package io.jixiao.evaluation.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a template and checks it: points add up per 一级 and to 100, bands in order, rules complete. */
public final class TemplateLoader {

    private TemplateLoader() {
    }

    public static Template defaultTemplate(ObjectMapper mapper) {
        try (InputStream in = TemplateLoader.class.getResourceAsStream("/templates/default.json")) {
            Template t = mapper.readValue(in, Template.class);
            List<String> problems = validate(t);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("default template invalid: " + problems);
            }
            return t;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every problem of the template, as field path: message (empty when valid). */
    public static List<String> validate(Template t) {
        List<String> problems = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < t.levels().size(); i++) {
            Template.Level1 l1 = t.levels().get(i);
            BigDecimal sum = BigDecimal.ZERO;
            for (Template.Level2 l2 : l1.children()) {
                for (Template.Indicator ind : l2.children()) {
                    sum = sum.add(ind.points());
                    problems.addAll(validateRule(ind));
                }
            }
            if (sum.compareTo(l1.points()) != 0) {
                problems.add("levels[" + i + "].points: " + l1.name() + " 的分值 " + l1.points().toPlainString()
                        + " 与其下指标分值之和 " + sum.toPlainString() + " 不一致");
            }
            total = total.add(l1.points());
        }
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add("levels: 分值合计须为 100，现为 " + total.toPlainString());
        }
        return problems;
    }

    private static List<String> validateRule(Template.Indicator ind) {
        List<String> p = new ArrayList<>();
        Template.Rule r = ind.rule();
        String where = ind.code() + ".rule: ";
        switch (r.kind()) {
            case "ratio", "qualitative" -> { }
            case "target" -> {
                if (r.target() == null || r.deductPerPoint() == null) {
                    p.add(where + "目标值规则须有 target 和 deductPerPoint");
                }
            }
            case "ceiling" -> {
                if (r.threshold() == null || r.deductPerPoint() == null) {
                    p.add(where + "上限规则须有 threshold 和 deductPerPoint");
                }
            }
            case "bands" -> {
                if (r.bands() == null || r.bands().isEmpty()) {
                    p.add(where + "分档规则须有分档表");
                } else {
                    for (int i = 1; i < r.bands().size(); i++) {
                        if (r.bands().get(i).upTo().compareTo(r.bands().get(i - 1).upTo()) <= 0) {
                            p.add(where + "分档表须按上限从小到大排列（第 " + (i + 1) + " 档）");
                        }
                    }
                }
            }
            default -> p.add(where + "未知的规则类型 " + r.kind());
        }
        return p;
    }
}
