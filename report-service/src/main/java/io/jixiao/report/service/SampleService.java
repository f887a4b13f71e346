package io.jixiao.report.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.config.ReportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import io.jixiao.report.domain.SeasonRound;
import io.jixiao.report.domain.SampleResults.Member;
import io.jixiao.report.domain.SampleResults.Summary;
import io.jixiao.report.domain.SampleResults.SampleResponse;

/**
 * 抽查复核, the draw: the bureau draws one sample of a round's submitted and approved filings (stratified,
 * reproducible from the recorded seed, audited) and follows each member's outcome. The re-review itself is
 * ReReviewService's.
 */
@ApplicationScoped
public class SampleService {

    public record DrawInput(BigDecimal percentage, Integer minimum, Long seed, List<String> keyDepartmentIds) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final ReportConfig config;
    private final SecureRandom seeds = new SecureRandom();

    public SampleService(EntityManager em, AuditTrail audit, ObjectMapper mapper, ReportConfig config) {
        this.em = em;
        this.audit = audit;
        this.mapper = mapper;
        this.config = config;
    }

    static void requireReviewer(Caller caller) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("sample.reviewer-only");
        }
    }

    BigDecimal threshold() {
        return config.review().deviationThreshold();
    }

    @Transactional
    public SampleResponse draw(Caller caller, long roundId, DrawInput in) {
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
    public SampleResponse get(Caller caller, long roundId) {
        if (!caller.readsAllDepartments()) {
            throw ProblemException.forbidden("sample.bureau-only");
        }
        SeasonRound round = SeasonRound.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round.not-found", String.valueOf(roundId));
        }
        return view(round);
    }

    private SampleResponse view(SeasonRound round) {
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
        return new SampleResponse(round.id, round.fiscalYear, ((BigDecimal) h[0]).stripTrailingZeros().toPlainString(), (Integer) h[1],
                ((Number) h[2]).longValue(), (Integer) h[3], (String) h[4], Columns.time(h[5]), threshold().toPlainString(),
                members, summary);
    }

    private static String average(BigDecimal sum, int n) {
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP).toPlainString();
    }

    static String text(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
