package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.FilingPin;
import io.jixiao.evaluation.domain.ProjectIndicator;
import io.jixiao.evaluation.domain.ProjectIndicatorSet;
import io.jixiao.evaluation.domain.ScoreCardRow;
import io.jixiao.evaluation.scoring.ProjectScorer;
import io.jixiao.evaluation.scoring.ScoreCard;
import io.jixiao.evaluation.scoring.BudgetSheet;
import io.jixiao.evaluation.scoring.Template;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.Bounds;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Versions;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * 项目支出绩效自评: per project of the sheet, scored from its budget figures and the indicators the
 * department sets for it (ProjectScorer); read with explanations, entered per project as one
 * versioned, audited whole; the card is rescored on every change.
 */
@ApplicationScoped
public class ProjectService {

    static final Set<String> CATEGORIES = Set.of("QUANTITY", "QUALITY", "TIMELINESS", "COST", "BENEFIT", "SATISFACTION");

    /** kind QUANTITATIVE: unit, direction, target, actual; kind QUALITATIVE: tier, selfScorePercent, evidence. */
    @Schema(name = "ProjectIndicatorInput", description = "A project's indicator; the fields of the other kind are null")
    public record IndicatorInput(String category, String name, String kind, @Schema(nullable = true) String unit,
            @Schema(nullable = true) String direction, @Schema(nullable = true) BigDecimal target,
            @Schema(description = "null until known", nullable = true) BigDecimal actual, @Schema(nullable = true) String tier,
            @Schema(nullable = true) BigDecimal selfScorePercent, @Schema(nullable = true) String evidence) {
    }

    public record IndicatorsInput(List<IndicatorInput> indicators, Long version) {
    }

    /** One project: the scored parts with explanations, and what the department entered (inputVersion: send it back). */
    @Schema(name = "ProjectEvaluation", description = "项目支出绩效自评 of one project, with the indicators entered")
    public record ProjectEvaluation(long projectId, String name, boolean keyProject, @Schema(nullable = true) BigDecimal budget,
            @Schema(nullable = true) BigDecimal adjustedBudget, @Schema(nullable = true) BigDecimal actual,
            List<ProjectScorer.Part> parts, BigDecimal total, String grade,
            List<String> missing, @Schema(description = "null until indicators are saved", nullable = true) Long inputVersion,
            List<IndicatorInput> indicators) {
    }

    @Schema(name = "ProjectEvaluations", description = "Every project's self-evaluation of a department-year")
    public record ProjectsResponse(String departmentId, int fiscalYear, long revision,
            @Schema(description = "null: scored without a template", nullable = true) Long templateId,
            @Schema(nullable = true) Integer templateVersion, boolean templatePinned, Template.ProjectWeights weights,
            List<ProjectEvaluation> projects) {
    }

    private final ScoringService scoring;
    private final TemplateStore templates;
    private final AuditTrail audit;
    private final EvaluationDocuments documents;

    public ProjectService(ScoringService scoring, TemplateStore templates, AuditTrail audit,
            EvaluationDocuments documents) {
        this.documents = documents;
        this.scoring = scoring;
        this.templates = templates;
        this.audit = audit;
    }

    /** Every project's self-evaluation with its sentences in the locale's language. */
    @Transactional
    public ProjectsResponse get(Caller caller, String departmentId, int fiscalYear, Locale locale) {
        caller.checkRead(departmentId);
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(departmentId, fiscalYear);
        BudgetSheetCopy copy = BudgetSheetCopy.findById(key);
        ScoreCardRow row = ScoreCardRow.findById(key);
        if (copy == null || row == null) {
            throw ProblemException.notFound("evaluation.not-found", String.valueOf(fiscalYear));
        }
        ScoreCard card = documents.card(copy, locale);
        Map<Long, List<IndicatorInput>> entered = new HashMap<>();
        for (ProjectIndicator r : ProjectIndicator.of(departmentId, fiscalYear)) {
            entered.computeIfAbsent(r.projectId, k -> new ArrayList<>()).add(new IndicatorInput(r.category, r.name,
                    r.kind, r.unit, r.direction, strip(r.target), strip(r.actual), r.tier, r.selfScorePercent, r.evidence));
        }
        Map<Long, Long> versions = new HashMap<>();
        for (ProjectIndicatorSet s : ProjectIndicatorSet.<ProjectIndicatorSet>list(
                "key.departmentId = ?1 and key.fiscalYear = ?2", departmentId, fiscalYear)) {
            versions.put(s.key.projectId(), s.version);
        }
        Template.ProjectWeights weights = card.templateId() == null ? Template.ProjectWeights.DEFAULT
                : templates.load(card.templateId(), card.templateVersion()).projectWeights();
        List<ProjectEvaluation> projects = (card.projects() == null ? List.<ProjectScorer.ProjectCard>of() : card.projects())
                .stream().map(p -> new ProjectEvaluation(p.projectId(), p.name(), p.keyProject(), p.budget(),
                        p.adjustedBudget(), p.actual(), p.parts(), p.total(), p.grade(), p.missing(),
                        versions.get(p.projectId()), entered.getOrDefault(p.projectId(), List.of())))
                .toList();
        return new ProjectsResponse(departmentId, fiscalYear, copy.revision, card.templateId(), card.templateVersion(),
                card.templatePinned(), weights, projects);
    }

    @Transactional
    public ProjectEvaluation project(Caller caller, String departmentId, int fiscalYear, long projectId, Locale locale) {
        return get(caller, departmentId, fiscalYear, locale).projects().stream().filter(p -> p.projectId() == projectId)
                .findFirst().orElseThrow(() -> ProblemException.notFound("project.not-found", String.valueOf(projectId)));
    }

    /** Replaces a project's indicators (own department, on the version read); all-or-nothing; rescored. */
    @Transactional
    public ProjectEvaluation save(Caller caller, String departmentId, int fiscalYear, long projectId, IndicatorsInput in,
            Locale locale) {
        caller.checkWrite(departmentId);
        List<FieldError> errors = validate(in);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        BudgetSheetCopy copy = scoring.lockedCopy(new BudgetSheetCopy.Key(departmentId, fiscalYear));
        if (copy == null) {
            throw ProblemException.notFound("evaluation.not-found", String.valueOf(fiscalYear));
        }
        FilingPin.checkWritable(copy.key);
        BudgetSheet sheet = scoring.read(copy.sheet);
        if (sheet.projects() == null || sheet.projects().stream().noneMatch(p -> p.id() != null && p.id() == projectId)) {
            throw ProblemException.notFound("project.not-found", String.valueOf(projectId));
        }
        ProjectIndicatorSet.Key key = new ProjectIndicatorSet.Key(departmentId, fiscalYear, projectId);
        ProjectIndicatorSet set = ProjectIndicatorSet.findById(key);
        Versions.check(in.version(), set == null ? null : set.version);
        List<ProjectIndicator> old = ProjectIndicator.list(
                "departmentId = ?1 and fiscalYear = ?2 and projectId = ?3 order by position", departmentId, fiscalYear, projectId);
        String before = old.stream().map(ProjectService::describe).toList().toString();
        if (set == null) {
            set = new ProjectIndicatorSet();
            set.key = key;
        }
        set.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        set.updatedBy = caller.name();
        ProjectIndicator.delete("departmentId = ?1 and fiscalYear = ?2 and projectId = ?3", departmentId, fiscalYear, projectId);
        set.persistAndFlush();
        List<ProjectIndicator> rows = new ArrayList<>();
        int position = 0;
        for (IndicatorInput i : in.indicators()) {
            boolean qualitative = "QUALITATIVE".equals(i.kind());
            ProjectIndicator r = new ProjectIndicator();
            r.departmentId = departmentId;
            r.fiscalYear = fiscalYear;
            r.projectId = projectId;
            r.position = position++;
            r.category = i.category();
            r.name = i.name().strip();
            r.kind = i.kind();
            r.unit = qualitative ? null : i.unit();
            r.direction = qualitative ? null : i.direction();
            r.target = qualitative ? null : i.target();
            r.actual = qualitative ? null : i.actual();
            r.tier = qualitative ? i.tier() : null;
            r.selfScorePercent = qualitative ? i.selfScorePercent().setScale(2) : null;
            r.evidence = qualitative ? i.evidence().strip() : null;
            rows.add(r);
        }
        ProjectIndicator.persist(rows);
        audit.record("project_indicators", departmentId + ":" + fiscalYear + ":" + projectId, set.version, caller.name(),
                List.of(new AuditTrail.Change("indicators", before, rows.stream().map(ProjectService::describe).toList().toString())));
        scoring.rescore(copy, "project indicators of #" + projectId + " by " + caller.name());
        return project(caller, departmentId, fiscalYear, projectId, locale);
    }

    /** Every problem of the input with its field path; empty when all is well. */
    static List<FieldError> validate(IndicatorsInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.indicators() == null) {
            errors.add(new FieldError("indicators", "project-indicator.list-required"));
            return errors;
        }
        // a project's 绩效目标表 has a dozen indicators; 100 leaves room and bounds the rescore
        if (!Bounds.list(errors, "indicators", in.indicators(), 100)) {
            return errors;
        }
        for (int k = 0; k < in.indicators().size(); k++) {
            IndicatorInput i = in.indicators().get(k);
            String p = "indicators[" + k + "]";
            if (i == null) {
                errors.add(new FieldError(p, "project-indicator.list-required"));
                continue;
            }
            if (i.category() == null || !CATEGORIES.contains(i.category())) {
                errors.add(new FieldError(p + ".category", "goal.category-invalid"));
            }
            if (i.name() == null || i.name().isBlank() || i.name().length() > 300) {
                errors.add(new FieldError(p + ".name", "goal.indicator-name-required"));
            }
            if ("QUANTITATIVE".equals(i.kind())) {
                if (i.unit() == null || !GoalService.UNITS.contains(i.unit())) {
                    errors.add(new FieldError(p + ".unit", "goal.unit-invalid"));
                }
                if (i.direction() == null || !Set.of("GE", "LE", "EQ").contains(i.direction())) {
                    errors.add(new FieldError(p + ".direction", "goal.direction-invalid"));
                }
                // numeric(17,4) columns: 13 digits before the point, 4 after
                if (!Bounds.number(errors, p + ".target", i.target(), 13, 4)
                        | !Bounds.number(errors, p + ".actual", i.actual(), 13, 4)) {
                    continue;
                }
                if (i.target() == null || i.target().signum() < 0 || i.target().stripTrailingZeros().scale() > 4) {
                    errors.add(new FieldError(p + ".target", "goal.target-invalid"));
                } else if ("%".equals(i.unit()) && i.target().compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError(p + ".target", "goal.target-percent"));
                }
                if (i.actual() != null && (i.actual().signum() < 0 || i.actual().stripTrailingZeros().scale() > 4)) {
                    errors.add(new FieldError(p + ".actual", "goal.actual-invalid"));
                }
            } else if ("QUALITATIVE".equals(i.kind())) {
                EvaluationService.Tier tier = null;
                try {
                    tier = EvaluationService.Tier.valueOf(String.valueOf(i.tier()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(p + ".tier", "project-indicator.tier-invalid"));
                }
                BigDecimal s = i.selfScorePercent();
                if (!Bounds.number(errors, p + ".selfScorePercent", s, 3, 2)) {
                    continue;
                }
                if (s == null || s.stripTrailingZeros().scale() > 2) {
                    errors.add(new FieldError(p + ".selfScorePercent", "project-indicator.percent-invalid"));
                } else if (tier != null && !tier.containsPercent(s)) {
                    errors.add(new FieldError(p + ".selfScorePercent", "self-score.outside-tier.short"));
                }
                if (i.evidence() == null || i.evidence().isBlank()) {
                    errors.add(new FieldError(p + ".evidence", "evidence.required"));
                }
                Bounds.text(errors, p + ".evidence", i.evidence(), 4000);
            } else {
                errors.add(new FieldError(p + ".kind", "project-indicator.kind-invalid"));
            }
        }
        return errors;
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    private static String describe(ProjectIndicator r) {
        return "QUALITATIVE".equals(r.kind)
                ? r.category + "/" + r.name + " " + r.tier + " " + r.selfScorePercent.toPlainString() + "%"
                : r.category + "/" + r.name + " " + r.direction + " " + r.target.stripTrailingZeros().toPlainString() + r.unit
                        + " 实际 " + (r.actual == null ? "-" : r.actual.stripTrailingZeros().toPlainString());
    }
}
