package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;


import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.api.Requests;
import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.ScoreCardRow;
import io.jixiao.evaluation.domain.SelfScoreRow;
import io.jixiao.evaluation.scoring.Template;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads of evaluations, self-scores of qualitative indicators, and the district's ranking. */
@ApplicationScoped
public class EvaluationService {

    /** 定性指标 tiers as shares of the points: 好 80–100%, 中 60–80%, 差 0–60%. */
    public enum Tier {
        GOOD("0.80", "1.00"), FAIR("0.60", "0.80"), POOR("0.00", "0.60");

        final BigDecimal from;
        final BigDecimal to;

        Tier(String from, String to) {
            this.from = new BigDecimal(from);
            this.to = new BigDecimal(to);
        }

        /** Whether a share of the points in percent (0–100) lies within the tier, bounds included. */
        public boolean containsPercent(BigDecimal percent) {
            BigDecimal share = percent.movePointLeft(2);
            return share.compareTo(from) >= 0 && share.compareTo(to) <= 0;
        }
    }

    private final ScoringService scoring;
    private final AuditTrail audit;
    private final TemplateStore templates;
    private final EvaluationDocuments documents;

    public EvaluationService(ScoringService scoring, AuditTrail audit, TemplateStore templates,
            EvaluationDocuments documents) {
        this.scoring = scoring;
        this.audit = audit;
        this.templates = templates;
        this.documents = documents;
    }

    /** The stored document of the evaluation in the locale's language (null: none stored yet; use get). */
    public io.jixiao.platform.api.DocumentCache.Entry document(Caller caller, String departmentId, int fiscalYear, Locale locale) {
        caller.checkRead(departmentId);
        return documents.find(departmentId, fiscalYear, locale);
    }

    /**
     * The stored document read again for a request already authorised by {@link #document}: a long poll's
     * answer after the change it waited for, built on a worker thread outside the request, so in its own
     * transaction.
     */
    @Transactional
    public io.jixiao.platform.api.DocumentCache.Entry documentAgain(String departmentId, int fiscalYear, Locale locale) {
        return documents.find(departmentId, fiscalYear, locale);
    }

    /** The evaluation as stored by its last rescoring (this transaction's, after a write), in the locale's language. */
    @Transactional
    public EvaluationDocuments.EvaluationResponse get(Caller caller, String departmentId, int fiscalYear, Locale locale) {
        caller.checkRead(departmentId);
        return documents.stored(sheet(departmentId, fiscalYear), locale);
    }

    /** A department self-scores one qualitative indicator within a tier, with evidence; the card is rescored. */
    @Transactional
    public EvaluationDocuments.EvaluationResponse selfScore(Caller caller, String departmentId, int fiscalYear, String code, Tier tier,
            BigDecimal score, String evidence, Long version, Locale locale) {
        caller.checkWrite(departmentId);
        BudgetSheetCopy copy = lockedSheet(departmentId, fiscalYear);
        io.jixiao.evaluation.domain.FilingPin.checkWritable(copy.key);
        Template.Indicator indicator = indicator(copy, code);
        if (!"qualitative".equals(indicator.rule().kind())) {
            throw new ProblemException(400, "indicator.not-qualitative", List.of(), indicator.name());
        }
        BigDecimal low = indicator.points().multiply(tier.from);
        BigDecimal high = indicator.points().multiply(tier.to);
        if (score.compareTo(low) < 0 || score.compareTo(high) > 0) {
            throw new ProblemException(400, "self-score.outside-tier", List.of(new FieldError("score", "self-score.outside-tier.short")),
                    low.stripTrailingZeros().toPlainString(), high.stripTrailingZeros().toPlainString());
        }
        SelfScoreRow row = SelfScoreRow.<SelfScoreRow>find("departmentId = ?1 and fiscalYear = ?2 and code = ?3",
                departmentId, fiscalYear, code).firstResultOptional().orElse(null);
        io.jixiao.platform.problem.Versions.check(version, row == null ? null : row.version);
        BigDecimal oldScore = row == null ? null : row.score;
        String oldEvidence = row == null ? null : row.evidence;
        if (row == null) {
            row = new SelfScoreRow();
            row.departmentId = departmentId;
            row.fiscalYear = fiscalYear;
            row.code = code;
        }
        row.score = score.setScale(2, java.math.RoundingMode.UNNECESSARY);
        row.evidence = evidence.trim();
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = caller.name();
        row.persistAndFlush();
        audit.record("self_score", departmentId + ":" + fiscalYear + ":" + code, row.version, caller.name(), List.of(
                new AuditTrail.Change("score", oldScore, row.score), new AuditTrail.Change("evidence", oldEvidence, row.evidence)));
        scoring.rescore(copy, "self-score of " + code + " by " + caller.name());
        return get(caller, departmentId, fiscalYear, locale);
    }

    /** A finance reviewer adjusts one score (0 … points) with a required comment; audited; the card is rescored. */
    @Transactional
    public EvaluationDocuments.EvaluationResponse adjust(Caller caller, String departmentId, int fiscalYear, String code, BigDecimal score,
            String comment, Long version, Locale locale) {
        if (!caller.hasRole(io.jixiao.platform.security.Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("adjustment.reviewer-only");
        }
        BudgetSheetCopy copy = lockedSheet(departmentId, fiscalYear);
        // The rule: the bureau adjusts only an unlocked year (draft or returned), so a submitted version is
        // exactly what stays stored; to adjust a submitted one it returns it and the department resubmits.
        if (io.jixiao.evaluation.domain.FilingPin.lock(copy.key).pinned) {
            throw ProblemException.conflict("adjustment.filing-locked", String.valueOf(fiscalYear));
        }
        Template.Indicator indicator = indicator(copy, code);
        if (score.compareTo(indicator.points()) > 0) {
            throw new ProblemException(400, "adjustment.above-points", List.of(new FieldError("score", "adjustment.above-points.short")),
                    indicator.points().toPlainString());
        }
        if (comment == null || comment.isBlank()) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("comment", "adjustment.comment-required")));
        }
        io.jixiao.evaluation.domain.ScoreAdjustment a = io.jixiao.evaluation.domain.ScoreAdjustment.<io.jixiao.evaluation.domain.ScoreAdjustment>find(
                "departmentId = ?1 and fiscalYear = ?2 and code = ?3", departmentId, fiscalYear, code).firstResultOptional().orElse(null);
        io.jixiao.platform.problem.Versions.check(version, a == null ? null : a.version);
        BigDecimal old = a == null ? null : a.score;
        String oldComment = a == null ? null : a.comment;
        if (a == null) {
            a = new io.jixiao.evaluation.domain.ScoreAdjustment();
            a.departmentId = departmentId;
            a.fiscalYear = fiscalYear;
            a.code = code;
        }
        a.score = score.setScale(2, java.math.RoundingMode.UNNECESSARY);
        a.comment = comment.trim();
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.updatedBy = caller.name();
        a.persistAndFlush();
        audit.record("score_adjustment", departmentId + ":" + fiscalYear + ":" + code, a.version, caller.name(), List.of(
                new AuditTrail.Change("score", old, a.score), new AuditTrail.Change("comment", oldComment, a.comment)));
        scoring.rescore(copy, "adjustment of " + code + " by " + caller.name());
        return get(caller, departmentId, fiscalYear, locale);
    }

    /** The indicator in the template version that scores this department-year (pinned or current). */
    private Template.Indicator indicator(BudgetSheetCopy copy, String code) {
        return templates.resolve(copy.key.departmentId(), copy.key.fiscalYear(), copy.jurisdiction).template()
                .indicator(code).orElseThrow(() -> ProblemException.notFound("indicator.not-found", code));
    }

    private BudgetSheetCopy lockedSheet(String departmentId, int fiscalYear) {
        BudgetSheetCopy copy = scoring.lockedCopy(new BudgetSheetCopy.Key(departmentId, fiscalYear));
        if (copy == null) {
            throw ProblemException.notFound("evaluation.not-found", String.valueOf(fiscalYear));
        }
        return copy;
    }

    private static BudgetSheetCopy sheet(String departmentId, int fiscalYear) {
        BudgetSheetCopy copy = BudgetSheetCopy.findById(new BudgetSheetCopy.Key(departmentId, fiscalYear));
        if (copy == null) {
            throw ProblemException.notFound("evaluation.not-found", String.valueOf(fiscalYear));
        }
        return copy;
    }

    public record RankingEntry(int rank, String departmentId, BigDecimal total, String grade) {
    }

    /** The district's departments by total score for a year (the bureau's view), optionally one jurisdiction. */
    @Transactional
    public List<RankingEntry> ranking(Caller caller, Integer fiscalYear, String jurisdiction) {
        bureauOnly(caller);
        int year = Requests.requireYear(fiscalYear);
        List<ScoreCardRow> rows = jurisdiction == null || jurisdiction.isBlank()
                ? ScoreCardRow.list("key.fiscalYear = ?1 order by total desc, key.departmentId", year)
                : ScoreCardRow.list("key.fiscalYear = ?1 and jurisdiction = ?2 order by total desc, key.departmentId",
                        year, jurisdiction);
        java.util.ArrayList<RankingEntry> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ScoreCardRow r = rows.get(i);
            int rank = i > 0 && rows.get(i - 1).total.compareTo(r.total) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new RankingEntry(rank, r.key.departmentId(), r.total, r.grade));
        }
        return out;
    }

    @Schema(name = "GradeCount", description = "How many departments got one grade")
    public record GradeCount(@Schema(enumeration = { "优", "良", "中", "差" }) String grade, long count) {
    }

    @Schema(name = "GradeDistribution", description = "The grade distribution of a year: all four grades, 0 where none")
    public record GradeDistribution(int fiscalYear,
            @Schema(description = "所属区县 asked for; null: every 区县", nullable = true) String jurisdiction,
            @Schema(description = "departments scored (the sum of the counts)") long departments, List<GradeCount> grades) {
    }

    /** How many departments got each grade (优/良/中/差, all four listed), for a year and optionally a jurisdiction. */
    @Transactional
    public GradeDistribution grades(Caller caller, Integer fiscalYear, String jurisdiction) {
        bureauOnly(caller);
        int year = Requests.requireYear(fiscalYear);
        boolean all = jurisdiction == null || jurisdiction.isBlank();
        List<Object[]> rows = query(year, all ? null : jurisdiction);
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (Object[] r : rows) {
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<GradeCount> grades = java.util.stream.Stream.of("优", "良", "中", "差")
                .map(g -> new GradeCount(g, counts.getOrDefault(g, 0L))).toList();
        return new GradeDistribution(year, all ? null : jurisdiction, grades.stream().mapToLong(GradeCount::count).sum(),
                grades);
    }

    private static List<Object[]> query(int year, String jurisdiction) {
        var q = ScoreCardRow.getEntityManager().createQuery("select r.grade, count(r) from ScoreCardRow r where r.key.fiscalYear = :y"
                + (jurisdiction == null ? "" : " and r.jurisdiction = :j") + " group by r.grade", Object[].class)
                .setParameter("y", year);
        if (jurisdiction != null) {
            q.setParameter("j", jurisdiction);
        }
        return q.getResultList();
    }

    @Schema(name = "EvaluationHistoryYear", description = "A year's total and grade, with the template version that scored it")
    public record YearScore(int fiscalYear, BigDecimal total, String grade,
            @Schema(description = "null: scored without a template", nullable = true) Long templateId,
            @Schema(nullable = true) Integer templateVersion,
            @Schema(description = "true while a submitted filing pins the version") boolean pinned, OffsetDateTime computedAt) {
    }

    @Schema(name = "EvaluationHistory", description = "A department's scores per fiscal year, oldest first")
    public record History(String departmentId, List<YearScore> years) {
    }

    /** A department's total and grade per year, oldest first (its own users and the bureau). */
    @Transactional
    public History history(Caller caller, String departmentId) {
        caller.checkRead(departmentId);
        List<ScoreCardRow> rows = ScoreCardRow.list("key.departmentId = ?1 order by key.fiscalYear", departmentId);
        return new History(departmentId, rows.stream().map(r -> new YearScore(r.key.fiscalYear(), r.total, r.grade,
                r.templateId, r.templateVersion, io.jixiao.evaluation.domain.FilingPin.isPinned(departmentId,
                        r.key.fiscalYear()), r.computedAt)).toList());
    }

    private static void bureauOnly(Caller caller) {
        if (!caller.readsAllDepartments()) {
            throw ProblemException.forbidden("access.forbidden");
        }
    }
}
