package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator template (指标体系): 一级 → 二级 → 三级 with points and a parameterised rule per
 * indicator. Data, not code: the default is templates/default.json; the bureau edits copies.
 */
public record Template(String code, String name, String description, List<Level1> levels, ProjectWeights project) {

    /**
     * Points of the per-project self-evaluation (项目支出绩效自评, 财预〔2020〕10号 defaults 10/50/30/10):
     * 预算执行率, 产出, 效益, 满意度. Part of the template, so it is versioned and pinned with it.
     */
    public record ProjectWeights(BigDecimal budgetExecution, BigDecimal output, BigDecimal benefit,
            BigDecimal satisfaction) {

        public static final ProjectWeights DEFAULT = new ProjectWeights(BigDecimal.TEN, BigDecimal.valueOf(50),
                BigDecimal.valueOf(30), BigDecimal.TEN);
    }

    /** The project weights of this template; the 财预〔2020〕10号 defaults when a stored version has none. */
    public ProjectWeights projectWeights() {
        return project == null ? ProjectWeights.DEFAULT : project;
    }

    /** The indicator with this code, if the template has it. */
    public java.util.Optional<Indicator> indicator(String code) {
        return indicators().stream().map(Placed::indicator).filter(i -> i.code().equals(code)).findFirst();
    }

    public record Level1(String name, BigDecimal points, List<Level2> children) {
    }

    public record Level2(String name, List<Indicator> children) {
    }

    public record Indicator(String code, String name, BigDecimal points, Rule rule) {
    }

    /**
     * kind: ratio | target | ceiling | bands | qualitative. target/threshold/upTo in percent;
     * deductPerPoint and share as fractions of the points.
     */
    public record Rule(String kind, BigDecimal target, BigDecimal threshold, BigDecimal deductPerPoint,
            List<Band> bands) {
    }

    public record Band(BigDecimal upTo, BigDecimal share) {
    }

    /** One indicator with its place in the tree. */
    public record Placed(String level1, String level2, Indicator indicator) {
    }

    public List<Placed> indicators() {
        List<Placed> out = new ArrayList<>();
        for (Level1 l1 : levels) {
            for (Level2 l2 : l1.children()) {
                for (Indicator i : l2.children()) {
                    out.add(new Placed(l1.name(), l2.name(), i));
                }
            }
        }
        return out;
    }
}
