package io.jixiao.evaluation.messaging;

import java.util.List;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.scoring.ProjectScorer;
import io.jixiao.evaluation.scoring.ScoreCard;
import io.jixiao.evaluation.scoring.IndicatorResult;

/**
 * Events evaluation-service publishes on evaluation.events (schemas in
 * src/main/resources/schemas/&lt;type&gt;.v&lt;n&gt;.json), and the types it consumes.
 */
public final class EvaluationEvents {

    public static final String INDICATORS_COMPUTED = "IndicatorsComputed";
    public static final int INDICATORS_COMPUTED_VERSION = 1;

    /** Consumed from budget.events (owned by budget-service): the whole department-year after a change. */
    public static final String BUDGET_FIGURES_CHANGED = "BudgetFiguresChanged";

    /** Consumed from report.events (owned by report-service): the filing steps that pin or unpin the template. */
    public static final String FILING_SUBMITTED = "FilingSubmitted";
    public static final String FILING_RETURNED = "FilingReturned";
    public static final String FILING_APPROVED = "FilingApproved";

    /** Consumed from budget.events: budget-service locked a submitted department-year at a revision. */
    public static final String BUDGET_LOCK_CONFIRMED = "FilingLockConfirmed";

    /** Published on evaluation.events: this service locked the department-year (after budget did) at its revision. */
    public static final String FILING_LOCK_CONFIRMED = "FilingLockConfirmed";
    public static final int FILING_LOCK_CONFIRMED_VERSION = 1;

    /**
     * Payload of FilingLockConfirmed v1: the submission locked, this service, its data revision (as in
     * IndicatorsComputed.evaluationRevision) and the budget revision that data was scored on.
     */
    public record FilingLockConfirmed(int filingVersion, String service, long revision, long budgetRevision) {
    }

    private EvaluationEvents() {
    }

    /**
     * Payload of IndicatorsComputed v1. sourceVersion: version of the 基本支出 row scored (-1: none);
     * revision: budget-service revision of the department-year; total and grade of the score card;
     * template: the version that scored it (added compatibly: optional in the schema); projects: the
     * 项目支出绩效自评 of each project; evaluationRevision: this service's data revision of the department-year
     * (bumped by every rescoring; optional in the schema), the one FilingLockConfirmed reports.
     */
    public record IndicatorsComputed(long sourceVersion, long revision, String total, String grade,
            List<Indicator> indicators, List<ScoredItem> items, TemplateRef template, List<ProjectScore> projects,
            long evaluationRevision) {

        public static IndicatorsComputed of(BudgetSheetCopy copy, ScoreCard card, List<IndicatorResult> computed,
                long evaluationRevision) {
            return new IndicatorsComputed(copy.basicVersion == null ? -1 : copy.basicVersion, copy.revision,
                    card.total().toPlainString(), card.grade(),
                    computed.stream().map(r -> new Indicator(r.code(), r.name(),
                            r.value() == null ? null : r.value().toPlainString(), r.unit(), r.missing())).toList(),
                    card.items().stream().map(i -> new ScoredItem(i.level1(), i.level2(), i.code(), i.name(),
                            i.points().toPlainString(), i.value() == null ? null : i.value().toPlainString(),
                            i.finalScore().toPlainString(), i.status())).toList(),
                    card.templateId() == null ? null
                            : new TemplateRef(card.templateId(), card.templateVersion(), card.templatePinned()),
                    card.projects() == null ? List.of() : card.projects().stream().map(ProjectScore::of).toList(),
                    evaluationRevision);
        }
    }

    /** One row of the score card (自评表): every template indicator with points, value, score, status. */
    public record ScoredItem(String level1, String level2, String code, String name, String points, String value,
            String score, String status) {
    }

    public record Indicator(String code, String name, String value, String unit, boolean missing) {
    }

    public record TemplateRef(long id, int version, boolean pinned) {
    }

    /** One project's self-evaluation: its parts (预算执行率, 产出, 效益, 满意度), total and grade. */
    public record ProjectScore(long projectId, String name, String total, String grade, List<ProjectPart> parts) {

        static ProjectScore of(ProjectScorer.ProjectCard p) {
            return new ProjectScore(p.projectId(), p.name(), p.total().toPlainString(), p.grade(),
                    p.parts().stream().map(x -> new ProjectPart(x.code(), x.name(), x.points().toPlainString(),
                            x.value() == null ? null : x.value().toPlainString(), x.score().toPlainString(), x.status()))
                            .toList());
        }
    }

    public record ProjectPart(String code, String name, String points, String value, String score, String status) {
    }
}
