package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The scored template of one department-year: every indicator, its score and why, the total and grade;
 * which template version scored it (templatePinned: frozen by the submitted filing); and the per-project
 * self-evaluations (项目支出绩效自评), which do not count towards the department's total.
 */
@Schema(description = "every indicator of the template with points, value, score, status and why; total and grade")
public record ScoreCard(String templateCode, @Schema(description = "null: not yet scored with a stored template", nullable = true)
        Long templateId, @Schema(nullable = true) Integer templateVersion, boolean templatePinned,
        BigDecimal total, String grade, BigDecimal maxPoints, List<Item> items, List<String> missing,
        @Schema(nullable = true) List<ProjectScorer.ProjectCard> projects) {

    public ScoreCard withTemplate(Long id, Integer version, boolean pinned) {
        return new ScoreCard(templateCode, id, version, pinned, total, grade, maxPoints, items, missing, projects);
    }

    public ScoreCard withProjects(List<ProjectScorer.ProjectCard> projectCards) {
        return new ScoreCard(templateCode, templateId, templateVersion, templatePinned, total, grade, maxPoints, items,
                missing, projectCards);
    }

    /**
     * status: SCORED, SELF_SCORED, MISSING (数据缺失: scored 0) or PENDING_SELF_SCORE (qualitative, not yet
     * self-scored: scored 0). rule: the kind and its parameters as the template states them; ruleText: the
     * same in words; calculation: formula and inputs with values and sources. score: by the rule or the
     * self-score; adjustedScore and adjustment: the finance bureau's, when it adjusted it (the total then
     * counts the adjusted score). level1En, level2En, nameEn: the template's English names (null where it has none).
     */
    public record Item(String level1, String level2, String code, String name, BigDecimal points, String ruleKind,
            @Schema(nullable = true) String ruleText, @Schema(nullable = true) Template.Rule rule,
            @Schema(nullable = true) BigDecimal value, BigDecimal score, String status,
            @Schema(nullable = true) String explanation, @Schema(nullable = true) IndicatorResult calculation,
            @Schema(nullable = true) BigDecimal adjustedScore, @Schema(nullable = true) String adjustment,
            @Schema(nullable = true) Long selfScoreVersion, @Schema(nullable = true) Long adjustmentVersion,
            @Schema(nullable = true) String level1En, @Schema(nullable = true) String level2En,
            @Schema(nullable = true) String nameEn) {

        /** An item without a self-score or adjustment entry behind it (versions are those entries' versions). */
        public Item(String level1, String level2, String code, String name, BigDecimal points, String ruleKind,
                String ruleText, Template.Rule rule, BigDecimal value, BigDecimal score, String status,
                String explanation, IndicatorResult calculation, BigDecimal adjustedScore, String adjustment) {
            this(level1, level2, code, name, points, ruleKind, ruleText, rule, value, score, status, explanation,
                    calculation, adjustedScore, adjustment, null, null, null, null, null);
        }

        public BigDecimal finalScore() {
            return adjustedScore != null ? adjustedScore : score;
        }

        /** The version a client sends back to change the self-score or the adjustment again. */
        Item withSelfScoreVersion(Long version) {
            return new Item(level1, level2, code, name, points, ruleKind, ruleText, rule, value, score, status,
                    explanation, calculation, adjustedScore, adjustment, version, adjustmentVersion, level1En, level2En,
                    nameEn);
        }

        Item withEnglishNames(String level1En, String level2En, String nameEn) {
            return new Item(level1, level2, code, name, points, ruleKind, ruleText, rule, value, score, status,
                    explanation, calculation, adjustedScore, adjustment, selfScoreVersion, adjustmentVersion, level1En,
                    level2En, nameEn);
        }

        Item adjusted(BigDecimal adjustedScore, String adjustment, Long version) {
            return new Item(level1, level2, code, name, points, ruleKind, ruleText, rule, value, score, status,
                    explanation, calculation, adjustedScore, adjustment, selfScoreVersion, version, level1En, level2En,
                    nameEn);
        }
    }
}
