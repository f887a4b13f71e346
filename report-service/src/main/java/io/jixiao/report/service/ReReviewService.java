package io.jixiao.report.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Versions;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.messaging.ReportEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.jixiao.report.domain.SeasonRound;
import io.jixiao.report.domain.SampleResults.ReviewItem;
import io.jixiao.report.domain.SampleResults.ReviewResponse;
import io.jixiao.report.domain.SampleResults.Member;
import io.jixiao.report.domain.SampleResults.SampleResponse;
import io.jixiao.report.domain.SampleResults;

/**
 * 抽查复核, the re-review: reviewers score a sampled department's score card indicator by indicator; the
 * deviations and the 自评偏差较大 flag follow, the district summary row is written again and the department
 * is told. A department reads only its own result. Every save is audited.
 */
@ApplicationScoped
public class ReReviewService {

    static final int MAX_COMMENT = 2000;
    static final int MAX_FINDINGS = 10000;

    public record ItemInput(String code, BigDecimal score, String comment) {
    }

    @Schema(name = "ReReviewInput", description = "The re-review: a score and comment per indicator, the findings and the version read (null the first time)")
    public record ReviewInput(List<ItemInput> items, String findings, Long version) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final SampleService samples;
    private final NoticeService notices;
    private final Event<DepartmentYearChanged> changed;

    public ReReviewService(EntityManager em, AuditTrail audit, ObjectMapper mapper, SampleService samples,
            NoticeService notices, Event<DepartmentYearChanged> changed) {
        this.em = em;
        this.audit = audit;
        this.mapper = mapper;
        this.samples = samples;
        this.notices = notices;
        this.changed = changed;
    }

    /**
     * One sampled department's re-review: the bureau sees any (the form with the self scores before it is
     * re-reviewed); a department only its own and only once re-reviewed. Another department's is not found.
     */
    @Transactional
    public ReviewResponse review(Caller caller, long roundId, String departmentId) {
        boolean bureau = caller.readsAllDepartments();
        if (!bureau && !caller.departmentId().map(departmentId::equals).orElse(false)) {
            throw ProblemException.notFound("review.not-found", departmentId);
        }
        Object[] m = sampled(roundId, departmentId, false);
        Object[] saved = saved(roundId, departmentId, false);
        if (saved == null && !bureau) {
            throw ProblemException.notFound("review.not-found", departmentId);
        }
        if (saved != null) {
            return fromSaved(roundId, departmentId, (String) m[0], saved);
        }
        List<ReportEvents.ScoredItem> card = card(departmentId, (Integer) m[1]);
        List<ReviewItem> items = card.stream().map(i -> new ReviewItem(i.code(), i.level1(), i.level2(), i.name(),
                i.points(), ReReviewRules.tier(new BigDecimal(i.points())).toPlainString(), selfScore(i).toPlainString(),
                null, null, false, null)).toList();
        return new ReviewResponse(roundId, departmentId, (String) m[0], (Integer) m[1], items, null,
                SampleService.text(selfTotal(departmentId, (Integer) m[1])), null, null, samples.threshold().toPlainString(), false, List.of(),
                null, null, null);
    }

    @Transactional
    public ReviewResponse saveReview(Caller caller, long roundId, String departmentId, ReviewInput in) {
        SampleService.requireReviewer(caller);
        Object[] m = sampled(roundId, departmentId, true);
        int year = (Integer) m[1];
        Object[] before = saved(roundId, departmentId, true);
        if (in == null || in.items() == null) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("items", "round.field-required")));
        }
        List<ReportEvents.ScoredItem> card = card(departmentId, year);
        Map<String, ReportEvents.ScoredItem> byCode = new java.util.LinkedHashMap<>();
        card.forEach(i -> byCode.put(i.code(), i));
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> range = new ArrayList<>();
        Map<String, ItemInput> given = new HashMap<>();
        for (int i = 0; i < in.items().size(); i++) {
            ItemInput x = in.items().get(i);
            String at = "items[" + i + "]";
            if (x == null || x.code() == null || !byCode.containsKey(x.code())) {
                errors.add(new FieldError(at + ".code", "review.indicator-unknown"));
                continue;
            }
            if (given.put(x.code(), x) != null) {
                errors.add(new FieldError(at + ".code", "review.indicator-twice"));
            }
            if (x.score() == null) {
                errors.add(new FieldError(at + ".score", "round.field-required"));
            } else if (x.score().signum() < 0 || x.score().compareTo(new BigDecimal(byCode.get(x.code()).points())) > 0
                    || x.score().scale() > 2) {
                range.add(new FieldError(at + ".score", "review.score-out-of-range"));
            }
            if (x.comment() != null && x.comment().length() > MAX_COMMENT) {
                errors.add(new FieldError(at + ".comment", "review.comment-too-long"));
            }
        }
        if (errors.isEmpty()) {
            byCode.keySet().stream().filter(c -> !given.containsKey(c)).findFirst()
                    .ifPresent(c -> errors.add(new FieldError("items", "review.indicator-missing")));
        }
        if (in.findings() != null && in.findings().length() > MAX_FINDINGS) {
            errors.add(new FieldError("findings", "review.findings-too-long"));
        }
        if (!errors.isEmpty()) {
            errors.addAll(range);
            throw new ProblemException(400, "request.invalid", errors);
        }
        if (!range.isEmpty()) {
            // a score outside 0..the indicator's points: well-formed but not a score the template allows
            throw new ProblemException(422, "review.score-out-of-range-summary", range);
        }
        Versions.check(in.version(), before == null ? null : ((Number) before[9]).longValue());

        BigDecimal selfTotal = selfTotal(departmentId, year);
        BigDecimal reviewTotal = BigDecimal.ZERO;
        List<ReviewItem> items = new ArrayList<>();
        for (ReportEvents.ScoredItem c : card) {
            ItemInput x = given.get(c.code());
            BigDecimal points = new BigDecimal(c.points());
            BigDecimal self = selfScore(c);
            BigDecimal score = x.score().setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal dev = ReReviewRules.deviation(self, score);
            reviewTotal = reviewTotal.add(score);
            items.add(new ReviewItem(c.code(), c.level1(), c.level2(), c.name(), c.points(),
                    ReReviewRules.tier(points).toPlainString(), self.toPlainString(), score.toPlainString(),
                    dev.toPlainString(), ReReviewRules.indicatorFlagged(dev, points),
                    x.comment() == null || x.comment().isBlank() ? null : x.comment().strip()));
        }
        BigDecimal deviation = ReReviewRules.deviation(selfTotal, reviewTotal);
        boolean flagged = ReReviewRules.totalFlagged(deviation, samples.threshold()) || items.stream().anyMatch(ReviewItem::flagged);
        String itemsJson = json(items);
        String findings = in.findings() == null ? "" : in.findings().strip();
        long version = before == null ? 1 : ((Number) before[9]).longValue() + 1;
        em.createNativeQuery("insert into season_rereview (round_id, department_id, fiscal_year, items, findings, self_total, "
                + "review_total, deviation, flagged, reviewed_by, reviewed_at, version) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                + "?8, ?9, ?10, ?11, ?12) on conflict (round_id, department_id) do update set items = excluded.items, "
                + "findings = excluded.findings, self_total = excluded.self_total, review_total = excluded.review_total, "
                + "deviation = excluded.deviation, flagged = excluded.flagged, reviewed_by = excluded.reviewed_by, "
                + "reviewed_at = excluded.reviewed_at, version = excluded.version")
                .setParameter(1, roundId).setParameter(2, departmentId).setParameter(3, year).setParameter(4, itemsJson)
                .setParameter(5, findings).setParameter(6, selfTotal).setParameter(7, reviewTotal)
                .setParameter(8, deviation).setParameter(9, flagged).setParameter(10, caller.name())
                .setParameter(11, SampleService.now()).setParameter(12, version).executeUpdate();
        audit.record("season-rereview", roundId + "/" + departmentId, version, caller.name(), List.of(
                new AuditTrail.Change("items", before == null ? null : before[0], itemsJson),
                new AuditTrail.Change("findings", before == null ? null : before[1], findings),
                new AuditTrail.Change("reviewTotal", before == null ? null : SampleService.text((BigDecimal) before[3]), reviewTotal.toPlainString()),
                new AuditTrail.Change("deviation", before == null ? null : SampleService.text((BigDecimal) before[4]), deviation.toPlainString()),
                new AuditTrail.Change("flagged", before == null ? null : before[5], flagged)));
        // the district summary row carries self versus re-review: written again here, not joined per request
        changed.fire(new DepartmentYearChanged(new BasicExpenditureView.Key(departmentId, year)));
        notices.onReReviewed(caller.name(), departmentId, year, roundId);
        return fromSaved(roundId, departmentId, (String) m[0], saved(roundId, departmentId, false));
    }

    /** {department name, fiscal year} of a sampled department; 404 when the round has no such member. */
    private Object[] sampled(long roundId, String departmentId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.department_name, s.fiscal_year from season_sample_department m "
                + "join season_sample s on s.round_id = m.round_id where m.round_id = ?1 and m.department_id = ?2"
                + (lock ? " for update of m" : "")).setParameter(1, roundId).setParameter(2, departmentId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("review.not-sampled", departmentId);
        }
        return rows.get(0);
    }

    /** {items, findings, self_total, review_total, deviation, flagged, reviewed_by, reviewed_at, fiscal_year, version}. */
    private Object[] saved(long roundId, String departmentId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select items, findings, self_total, review_total, deviation, flagged, "
                + "reviewed_by, reviewed_at, fiscal_year, version from season_rereview where round_id = ?1 and department_id = ?2"
                + (lock ? " for update" : "")).setParameter(1, roundId).setParameter(2, departmentId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private ReviewResponse fromSaved(long roundId, String departmentId, String name, Object[] s) {
        List<ReviewItem> items;
        try {
            items = mapper.readValue((String) s[0], new TypeReference<List<ReviewItem>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored re-review items are not JSON", e);
        }
        BigDecimal deviation = (BigDecimal) s[4];
        List<String> reasons = new ArrayList<>();
        if (ReReviewRules.totalFlagged(deviation, samples.threshold())) {
            reasons.add("TOTAL");
        }
        items.stream().filter(ReviewItem::flagged).forEach(i -> reasons.add(i.code()));
        return new ReviewResponse(roundId, departmentId, name, (Integer) s[8], items, (String) s[1], SampleService.text((BigDecimal) s[2]),
                SampleService.text((BigDecimal) s[3]), SampleService.text(deviation), samples.threshold().toPlainString(), (Boolean) s[5], reasons,
                (String) s[6], Columns.time(s[7]), ((Number) s[9]).longValue());
    }

    /** The score card's indicators (自评表); a sampled department without one cannot be re-reviewed. */
    private List<ReportEvents.ScoredItem> card(String departmentId, int year) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select items from score_view where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, departmentId).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.conflict("review.no-score-card", departmentId);
        }
        try {
            return mapper.readValue(rows.get(0), new TypeReference<List<ReportEvents.ScoredItem>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score card items are not JSON", e);
        }
    }

    private BigDecimal selfTotal(String departmentId, int year) {
        return (BigDecimal) em.createNativeQuery("select total from score_view where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, departmentId).setParameter(2, year).getSingleResult();
    }

    /** The department's own score of an indicator; one not scored yet (数据缺失, pending) counts 0, as in the total. */
    private static BigDecimal selfScore(ReportEvents.ScoredItem i) {
        return i.score() == null || i.score().isBlank() ? new BigDecimal("0.00") : new BigDecimal(i.score()).setScale(2, RoundingMode.HALF_UP);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Documents(String district, SampleResults.SampleResponse sample, List<ReviewResponse> reviews) {
    }

    /** The sample and every re-review with its items, for the 抽查复核情况报告 (the bureau's). */
    @Transactional
    public Documents documents(Caller caller, long roundId) {
        SampleResults.SampleResponse sample = samples.get(caller, roundId);
        List<ReviewResponse> out = new ArrayList<>();
        for (SampleResults.Member m : sample.members()) {
            if (m.reviewed()) {
                out.add(fromSaved(roundId, m.departmentId(), m.departmentName(), saved(roundId, m.departmentId(), false)));
            }
        }
        return new Documents(SeasonRound.<SeasonRound>findById(roundId).district, sample, out);
    }
}
