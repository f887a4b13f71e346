package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An indicator template (指标体系): 一级 → 二级 → 三级 with points and a parameterised rule per
 * indicator. Data, not code: the default is templates/default.json; the bureau edits copies.
 */
@Schema(name = "TemplateBody", description = "A template's tree (指标体系): 一级 → 二级 → 三级 indicators with points and rules, "
        + "and the project weights")
public record Template(@Schema(example = "copy-1f3a9c2e") String code, String name,
        @Schema(nullable = true) String description, List<Level1> levels,
        @Schema(nullable = true, description = "null in a stored version without them: the 财预〔2020〕10号 defaults 10/50/30/10 apply")
        ProjectWeights project) {

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

    /** nameEn (optional, here and below): the English name shown when the caller reads in English. */
    @Schema(name = "TemplateLevel1", description = "一级指标: its points are the sum of its indicators'")
    public record Level1(@Schema(example = "投入") String name, @Schema(nullable = true, example = "Input") String nameEn,
            @Schema(example = "15") BigDecimal points, List<Level2> children) {
        public Level1(String name, BigDecimal points, List<Level2> children) {
            this(name, null, points, children);
        }
    }

    @Schema(name = "TemplateLevel2", description = "二级指标")
    public record Level2(@Schema(example = "预算配置") String name, @Schema(nullable = true) String nameEn,
            List<Indicator> children) {
        public Level2(String name, List<Indicator> children) {
            this(name, null, children);
        }
    }

    @Schema(name = "TemplateIndicator", description = "三级指标: points and the rule that scores it")
    public record Indicator(@Schema(example = "staff-control-rate") String code, @Schema(example = "在职人员控制率") String name,
            @Schema(nullable = true) String nameEn, @Schema(example = "3") BigDecimal points, Rule rule) {
        public Indicator(String code, String name, BigDecimal points, Rule rule) {
            this(code, name, null, points, rule);
        }

        /** The name in the caller's language: the English name when asked for and given, else the 中文 name. */
        public String name(java.util.Locale locale) {
            return Template.english(locale) && nameEn != null ? nameEn : name;
        }
    }

    /**
     * kind: ratio | target | ceiling | bands | rush | qualitative. target/threshold/upTo in percent;
     * deductPerPoint and share as fractions of the points. rush (年底突击花钱, only on the indicators
     * december-share and q4-share) scores as a ceiling whose threshold and deduction may be left out:
     * the configured defaults then apply ({@link #withRushDefaults}).
     */
    @Schema(name = "TemplateRule", description = "A rule kind and its parameters (null: not used by the kind, or a rush default)")
    public record Rule(@Schema(description = "ratio, target, ceiling, bands, rush or qualitative", example = "ceiling") String kind,
            @Schema(nullable = true, description = "target: the target in %") BigDecimal target,
            @Schema(nullable = true, description = "ceiling and rush: the threshold in %", example = "100") BigDecimal threshold,
            @Schema(nullable = true, description = "target, ceiling and rush: the share of the points lost per point",
                    example = "0.10") BigDecimal deductPerPoint,
            @Schema(nullable = true, description = "bands: upTo % strictly ascending, each with its share of the points")
            List<Band> bands) {
    }

    /** The configured rush thresholds (in %) per indicator and the deduction, for rules that give none. */
    public record RushDefaults(BigDecimal decemberShare, BigDecimal q4Share, BigDecimal deductPerPoint) {

        /** The default threshold of a rush indicator. */
        public BigDecimal threshold(String code) {
            return Formulas.DECEMBER_SHARE.equals(code) ? decemberShare : q4Share;
        }
    }

    /**
     * This template with every rush rule's missing parameter taken from the defaults, so the score card
     * shows (and the rule scores with) the threshold that applied. Other rules are unchanged.
     */
    public Template withRushDefaults(RushDefaults d) {
        boolean any = indicators().stream().anyMatch(p -> "rush".equals(p.indicator().rule().kind())
                && (p.indicator().rule().threshold() == null || p.indicator().rule().deductPerPoint() == null));
        if (!any) {
            return this;
        }
        List<Level1> l1s = levels.stream().map(l1 -> new Level1(l1.name(), l1.nameEn(), l1.points(),
                l1.children().stream().map(l2 -> new Level2(l2.name(), l2.nameEn(), l2.children().stream()
                        .map(i -> "rush".equals(i.rule().kind()) ? new Indicator(i.code(), i.name(), i.nameEn(),
                                i.points(), new Rule("rush", null,
                                        i.rule().threshold() == null ? d.threshold(i.code()) : i.rule().threshold(),
                                        i.rule().deductPerPoint() == null ? d.deductPerPoint() : i.rule().deductPerPoint(),
                                        null)) : i)
                        .toList())).toList())).toList();
        return new Template(code, name, description, l1s, project);
    }

    @Schema(name = "TemplateBand")
    public record Band(@Schema(example = "5") BigDecimal upTo, @Schema(example = "0.9") BigDecimal share) {
    }

    /** One indicator with its place in the tree (level names with their English names, which may be null). */
    public record Placed(String level1, String level2, Indicator indicator, String level1En, String level2En) {
        public Placed(String level1, String level2, Indicator indicator) {
            this(level1, level2, indicator, null, null);
        }
    }

    static boolean english(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public List<Placed> indicators() {
        List<Placed> out = new ArrayList<>();
        for (Level1 l1 : levels) {
            for (Level2 l2 : l1.children()) {
                for (Indicator i : l2.children()) {
                    out.add(new Placed(l1.name(), l2.name(), i, l1.nameEn(), l2.nameEn()));
                }
            }
        }
        return out;
    }
}
