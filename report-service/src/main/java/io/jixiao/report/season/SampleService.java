package io.jixiao.report.season;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Versions;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.domain.BudgetView;
import io.jixiao.report.messaging.ReportEvents;
import io.jixiao.report.service.DepartmentYearChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * 抽查复核: the bureau draws one sample of a round's submitted and approved filings (stratified, reproducible
 * from the recorded seed), re-reviews each sampled department's score card indicator by indicator, and the
 * deviations and 自评偏差较大 flags follow. A department reads only its own result. Every write is audited.
 */
@ApplicationScoped
public class SampleService {

    static final int MAX_COMMENT = 2000;
    static final int MAX_FINDINGS = 10000;

    public record DrawInput(BigDecimal percentage, Integer minimum, Long seed, List<String> keyDepartmentIds) {
    }

    public record Member(String departmentId, String departmentCode, String departmentName, String grade,
            String sizeBand, String stratum, String budget, String selfTotal, boolean byHand, boolean reviewed,
            String reviewTotal, String deviation, Boolean flagged) {
    }

    /** Self versus re-review over the reviewed departments (averages of the totals). */
    public record Summary(int sampled, int reviewed, int flagged, String selfAverage, String reviewAverage,
            String averageDeviation) {
    }

    public record SampleView(long roundId, int fiscalYear, String percentage, int minimum, long seed, int population,
            String drawnBy, OffsetDateTime drawnAt, String threshold, List<Member> members, Summary summary) {
    }

    public record ItemInput(String code, BigDecimal score, String comment) {
    }

    public record ReviewInput(List<ItemInput> items, String findings, Long version) {
    }

    public record ReviewItem(String code, String level1, String level2, String name, String points, String tier,
            String selfScore, String score, String deviation, boolean flagged, String comment) {
    }

    /** version null: not re-reviewed yet (the items carry the self scores, the form to fill in). */
    public record ReviewView(long roundId, String departmentId, String departmentName, int fiscalYear,
            List<ReviewItem> items, String findings, String selfTotal, String reviewTotal, String deviation,
            String threshold, boolean flagged, List<String> reasons, String reviewedBy, OffsetDateTime reviewedAt,
            Long version) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final ReportConfig config;
    private final SeasonService season;
    private final jakarta.enterprise.event.Event<DepartmentYearChanged> changed;
    private final SecureRandom seeds = new SecureRandom();

    public SampleService(EntityManager em, AuditTrail audit, ObjectMapper mapper, ReportConfig config, SeasonService season,
            jakarta.enterprise.event.Event<DepartmentYearChanged> changed) {
        this.em = em;
        this.audit = audit;
        this.mapper = mapper;
        this.config = config;
        this.season = season;
        this.changed = changed;
    }

    private static void requireReviewer(Caller caller) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("sample.reviewer-only");
        }
    }

    private BigDecimal threshold() {
        return config.review().deviationThreshold();
    }

    @Transactional
    public SampleView draw(Caller caller, long roundId, DrawInput in) {
        requireReviewer(caller);
        SeasonRound round = SeasonRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round == null) {
            throw ProblemException.notFound("round.not-found", String.valueOf(roundId));
        }
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.percentage() == null) {
            errors.add(new FieldError("percentage", "round.field-required"));
        } else if (in.percentage().signum() <= 0 || in.percentage().compareTo(BigDecimal.valueOf(100)) > 0
                || in.percentage().scale() > 2) {
            errors.add(new FieldError("percentage", "sample.percentage"));
        }
        if (in == null || in.minimum() == null) {
            errors.add(new FieldError("minimum", "round.field-required"));
        } else if (in.minimum() < 1 || in.minimum() > SeasonService.MAX_DEPARTMENTS) {
            errors.add(new FieldError("minimum", "sample.minimum"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        if (em.createNativeQuery("select 1 from season_sample where round_id = ?1").setParameter(1, roundId)
                .getResultList().size() > 0) {
            throw ProblemException.conflict("sample.exists", String.valueOf(round.fiscalYear), round.district);
        }
        Map<String, Object[]> population = population(round);
        List<String> keys = in.keyDepartmentIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.keyDepartmentIds()));
        for (int i = 0; in.keyDepartmentIds() != null && i < in.keyDepartmentIds().size(); i++) {
            if (!population.containsKey(in.keyDepartmentIds().get(i))) {
                errors.add(new FieldError("keyDepartmentIds[" + i + "]", "sample.key-not-submitted"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        if (population.isEmpty()) {
            throw ProblemException.conflict("sample.no-filings", String.valueOf(round.fiscalYear), round.district);
        }
        long seed = in.seed() != null ? in.seed() : seeds.nextLong();
        List<SampleDraw.Candidate> candidates = population.entrySet().stream().map(e -> new SampleDraw.Candidate(
                e.getKey(), (String) e.getValue()[2], (BigDecimal) e.getValue()[3])).toList();
        List<SampleDraw.Drawn> drawn = SampleDraw.draw(candidates, in.percentage(), in.minimum(), seed);
        Map<String, SampleDraw.SizeBand> bands = SampleDraw.bands(candidates);
        em.createNativeQuery("insert into season_sample (round_id, fiscal_year, percentage, minimum, seed, population, "
                + "drawn_by, drawn_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").setParameter(1, roundId)
                .setParameter(2, round.fiscalYear).setParameter(3, in.percentage()).setParameter(4, in.minimum())
                .setParameter(5, seed).setParameter(6, population.size()).setParameter(7, caller.name())
                .setParameter(8, now()).executeUpdate();
        Set<String> members = new LinkedHashSet<>();
        drawn.forEach(d -> members.add(d.departmentId()));
        for (String id : members) {
            member(roundId, id, population.get(id), bands.get(id), false);
        }
        List<String> byHand = keys.stream().filter(k -> !members.contains(k)).toList();
        for (String id : byHand) {
            member(roundId, id, population.get(id), bands.get(id), true);
        }
        audit.record("season-sample", String.valueOf(roundId), null, caller.name(), List.of(
                new AuditTrail.Change("percentage", null, in.percentage().toPlainString()),
                new AuditTrail.Change("minimum", null, in.minimum()),
                new AuditTrail.Change("seed", null, seed),
                new AuditTrail.Change("population", null, population.size()),
                new AuditTrail.Change("drawn", null, String.join(",", members)),
                new AuditTrail.Change("byHand", null, String.join(",", byHand))));
        return view(round);
    }

    private void member(long roundId, String id, Object[] p, SampleDraw.SizeBand band, boolean byHand) {
        em.createNativeQuery("insert into season_sample_department (round_id, department_id, department_code, "
                + "department_name, grade, size_band, budget, self_total, by_hand) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, roundId).setParameter(2, id).setParameter(3, p[0]).setParameter(4, p[1])
                .setParameter(5, p[2] == null ? "无" : p[2]).setParameter(6, band.name()).setParameter(7, p[3])
                .setParameter(8, p[4]).setParameter(9, byHand).executeUpdate();
    }

    /**
     * Department id → {code, name, grade, budget (元), self total}: the round's departments whose filing is
     * submitted or approved. Grade and total from the score card, budget from the district summary row.
     */
    private Map<String, Object[]> population(SeasonRound round) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.department_id, d.department_code, d.department_name, s.grade, "
                + "r.body, s.total from season_round_department d join filing f on f.department_id = d.department_id "
                + "and f.fiscal_year = d.fiscal_year left join score_view s on s.department_id = d.department_id and "
                + "s.fiscal_year = d.fiscal_year left join summary_row r on r.department_id = d.department_id and "
                + "r.fiscal_year = d.fiscal_year where d.round_id = ?1 and f.status in ('SUBMITTED', 'APPROVED') "
                + "order by d.department_id").setParameter(1, round.id).getResultList();
        Map<String, Object[]> out = new java.util.LinkedHashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], new Object[] { r[1], r[2], r[3], budget((String) r[4]), r[5] });
        }
        return out;
    }

    private BigDecimal budget(String summaryBody) {
        if (summaryBody == null) {
            return null;
        }
        try {
            String b = mapper.readTree(summaryBody).path("budget").asText(null);
            return b == null || b.isBlank() ? null : new BigDecimal(b);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary row is not JSON", e);
        }
    }

    /** The bureau's view of a round's sample with each member's outcome; departments are refused. */
    @Transactional
    public SampleView get(Caller caller, long roundId) {
        if (!caller.readsAllDepartments()) {
            throw ProblemException.forbidden("sample.bureau-only");
        }
        SeasonRound round = SeasonRound.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round.not-found", String.valueOf(roundId));
        }
        return view(round);
    }

    private SampleView view(SeasonRound round) {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("select percentage, minimum, seed, population, drawn_by, drawn_at "
                + "from season_sample where round_id = ?1").setParameter(1, round.id).getResultList();
        if (head.isEmpty()) {
            throw ProblemException.notFound("sample.not-drawn", String.valueOf(round.fiscalYear), round.district);
        }
        Object[] h = head.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.department_id, m.department_code, m.department_name, m.grade, "
                + "m.size_band, m.budget, m.self_total, m.by_hand, v.review_total, v.deviation, v.flagged, v.self_total "
                + "from season_sample_department m left join season_rereview v on v.round_id = m.round_id and "
                + "v.department_id = m.department_id where m.round_id = ?1 order by m.by_hand, m.grade, m.size_band, "
                + "m.department_code, m.department_id").setParameter(1, round.id).getResultList();
        List<Member> members = new ArrayList<>();
        BigDecimal selfSum = BigDecimal.ZERO;
        BigDecimal reviewSum = BigDecimal.ZERO;
        int reviewed = 0;
        int flagged = 0;
        for (Object[] r : rows) {
            boolean done = r[8] != null;
            BigDecimal self = (BigDecimal) (done ? r[11] : r[6]);
            if (done) {
                reviewed++;
                selfSum = selfSum.add((BigDecimal) r[11]);
                reviewSum = reviewSum.add((BigDecimal) r[8]);
                flagged += Boolean.TRUE.equals(r[10]) ? 1 : 0;
            }
            members.add(new Member((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    r[3] + "/" + r[4], text((BigDecimal) r[5]), text(self), (Boolean) r[7], done,
                    text((BigDecimal) r[8]), text((BigDecimal) r[9]), done ? (Boolean) r[10] : null));
        }
        Summary summary = new Summary(rows.size(), reviewed, flagged, average(selfSum, reviewed), average(reviewSum, reviewed),
                average(selfSum.subtract(reviewSum), reviewed));
        return new SampleView(round.id, round.fiscalYear, ((BigDecimal) h[0]).stripTrailingZeros().toPlainString(), (Integer) h[1],
                ((Number) h[2]).longValue(), (Integer) h[3], (String) h[4], time(h[5]), threshold().toPlainString(),
                members, summary);
    }

    private static String average(BigDecimal sum, int n) {
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * One sampled department's re-review: the bureau sees any (the form with the self scores before it is
     * re-reviewed); a department only its own and only once re-reviewed. Another department's is not found.
     */
    @Transactional
    public ReviewView review(Caller caller, long roundId, String departmentId) {
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
        return new ReviewView(roundId, departmentId, (String) m[0], (Integer) m[1], items, null,
                text(selfTotal(departmentId, (Integer) m[1])), null, null, threshold().toPlainString(), false, List.of(),
                null, null, null);
    }

    @Transactional
    public ReviewView saveReview(Caller caller, long roundId, String departmentId, ReviewInput in) {
        requireReviewer(caller);
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
        boolean flagged = ReReviewRules.totalFlagged(deviation, threshold()) || items.stream().anyMatch(ReviewItem::flagged);
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
                .setParameter(11, now()).setParameter(12, version).executeUpdate();
        audit.record("season-rereview", roundId + "/" + departmentId, version, caller.name(), List.of(
                new AuditTrail.Change("items", before == null ? null : before[0], itemsJson),
                new AuditTrail.Change("findings", before == null ? null : before[1], findings),
                new AuditTrail.Change("reviewTotal", before == null ? null : text((BigDecimal) before[3]), reviewTotal.toPlainString()),
                new AuditTrail.Change("deviation", before == null ? null : text((BigDecimal) before[4]), deviation.toPlainString()),
                new AuditTrail.Change("flagged", before == null ? null : before[5], flagged)));
        // the district summary row carries self versus re-review: written again here, not joined per request
        changed.fire(new DepartmentYearChanged(new BudgetView.Key(departmentId, year)));
        season.onReReviewed(caller.name(), departmentId, year, roundId);
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

    private ReviewView fromSaved(long roundId, String departmentId, String name, Object[] s) {
        List<ReviewItem> items;
        try {
            items = mapper.readValue((String) s[0], new TypeReference<List<ReviewItem>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored re-review items are not JSON", e);
        }
        BigDecimal deviation = (BigDecimal) s[4];
        List<String> reasons = new ArrayList<>();
        if (ReReviewRules.totalFlagged(deviation, threshold())) {
            reasons.add("TOTAL");
        }
        items.stream().filter(ReviewItem::flagged).forEach(i -> reasons.add(i.code()));
        return new ReviewView(roundId, departmentId, name, (Integer) s[8], items, (String) s[1], text((BigDecimal) s[2]),
                text((BigDecimal) s[3]), text(deviation), threshold().toPlainString(), (Boolean) s[5], reasons,
                (String) s[6], time(s[7]), ((Number) s[9]).longValue());
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

    public record Documents(String district, SampleView sample, List<ReviewView> reviews) {
    }

    /** The sample and every re-review with its items, for the 抽查复核情况报告 (the bureau's). */
    @Transactional
    public Documents documents(Caller caller, long roundId) {
        SampleView sample = get(caller, roundId);
        List<ReviewView> out = new ArrayList<>();
        for (Member m : sample.members()) {
            if (m.reviewed()) {
                out.add(fromSaved(roundId, m.departmentId(), m.departmentName(), saved(roundId, m.departmentId(), false)));
            }
        }
        return new Documents(SeasonRound.<SeasonRound>findById(roundId).district, sample, out);
    }

    static String text(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static OffsetDateTime time(Object o) {
        return SeasonService.time(o);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
