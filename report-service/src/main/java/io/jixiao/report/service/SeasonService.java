package io.jixiao.report.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Versions;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import io.jixiao.report.domain.SeasonRound;
import io.jixiao.report.domain.SeasonRoundDepartment;

/**
 * 年度自评工作: the finance reviewer opens a round (fiscal year, 区县, deadline, template version,
 * departments), follows its progress, grants extensions and closes it (the list and each department's
 * status are frozen). Departments see their round and its days left; the notices are NoticeService's.
 * Every write is audited.
 */
@ApplicationScoped
public class SeasonService {

    static final int MAX_DEPARTMENTS = 2000;

    public record OpenInput(Integer fiscalYear, String district, LocalDate deadline, Integer templateVersion,
            List<String> departmentIds) {
    }

    public record ExtensionInput(String departmentId, LocalDate until, String reason, Long version) {
    }

    public record CloseInput(Long version) {
    }

    @Schema(name = "RoundDepartment", description = "A department of a round: its deadline (extended or not) and progress")
    public record DepartmentRow(@Schema(example = "d0000000-0000-4000-8000-000000000001") String departmentId,
            @Schema(example = "301001") String departmentCode, @Schema(example = "示例区教育局") String departmentName,
            @Schema(nullable = true, description = "the extension granted; null: none") LocalDate extendedUntil,
            @Schema(description = "the extension, else the round's deadline") LocalDate effectiveDeadline,
            @Schema(description = "days until the end of the effective deadline day; negative once passed", example = "12")
            long daysLeft,
            SeasonRules.Progress progress,
            @Schema(description = "the filing's status (DRAFT when none is stored)", example = "SUBMITTED") String filingStatus) {
    }

    @Schema(name = "Round", description = "年度自评工作: a round of a fiscal year and 区县, with each department's progress")
    public record RoundResponse(@Schema(example = "3") long id, @Schema(example = "2020") int fiscalYear,
            @Schema(example = "示例区") String district, LocalDate deadline, @Schema(example = "1") int templateVersion,
            @Schema(enumeration = { "OPEN", "CLOSED" }, example = "OPEN") String status,
            @Schema(example = "caizheng") String openedBy, OffsetDateTime openedAt,
            @Schema(nullable = true) OffsetDateTime closedAt, @Schema(example = "1") long version,
            @Schema(nullable = true, description = "departments per progress; bureau only (null for a department, which sees "
                    + "its own row)") Map<SeasonRules.Progress, Integer> counts,
            List<DepartmentRow> departments) {
    }

    /** A 区县 some onboarded department records (department.jurisdiction of its latest sheet), with their count. */
    @Schema(name = "District", description = "A 区县 of the onboarded departments, with how many there are")
    public record DistrictResponse(@Schema(example = "望城区") String name, @Schema(example = "12") int departments) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final NoticeService notices;

    public SeasonService(EntityManager em, AuditTrail audit, NoticeService notices) {
        this.em = em;
        this.audit = audit;
        this.notices = notices;
    }

    private static void requireReviewer(Caller caller) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("round.reviewer-only");
        }
    }

    @Transactional
    public RoundResponse open(Caller caller, OpenInput in) {
        requireReviewer(caller);
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("fiscalYear", "round.field-required")));
        }
        if (in.fiscalYear() == null) {
            errors.add(new FieldError("fiscalYear", "round.field-required"));
        } else if (in.fiscalYear() < 2000 || in.fiscalYear() > 2100) {
            errors.add(new FieldError("fiscalYear", "fiscal-year.out-of-range.short"));
        }
        if (in.district() == null || in.district().isBlank()) {
            errors.add(new FieldError("district", "round.field-required"));
        } else if (in.district().strip().length() > 64) {
            errors.add(new FieldError("district", "round.district-too-long"));
        }
        if (in.deadline() == null) {
            errors.add(new FieldError("deadline", "round.field-required"));
        } else if (in.fiscalYear() != null && !in.deadline().isAfter(LocalDate.of(in.fiscalYear(), 12, 31))) {
            // the self-evaluation of a year is done after the year has ended
            errors.add(new FieldError("deadline", "round.deadline-in-year"));
        }
        if (in.templateVersion() == null || in.templateVersion() < 1) {
            errors.add(new FieldError("templateVersion", "round.template-version"));
        }
        Map<String, Object[]> known = knownDepartments();
        String wanted = in.district() == null ? "" : in.district().strip();
        // the default list: the onboarded departments of the round's 区县, not every department with figures
        List<String> ids = in.departmentIds() == null
                ? known.entrySet().stream().filter(e -> wanted.equals(e.getValue()[2])).map(Map.Entry::getKey).toList()
                : List.copyOf(new LinkedHashSet<>(in.departmentIds()));
        if (ids.size() > MAX_DEPARTMENTS) {
            errors.add(new FieldError("departmentIds", "round.too-many"));
        }
        for (int i = 0; in.departmentIds() != null && i < in.departmentIds().size(); i++) {
            if (!known.containsKey(in.departmentIds().get(i))) {
                errors.add(new FieldError("departmentIds[" + i + "]", "round.department-unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        // well-formed but not a 区县 of any onboarded department: 422, the client offers the known ones
        if (known.values().stream().noneMatch(v -> wanted.equals(v[2]))) {
            throw new ProblemException(422, "round.district-unknown", List.of(new FieldError("district", "round.district-unknown")));
        }
        for (int i = 0; in.departmentIds() != null && i < in.departmentIds().size(); i++) {
            if (!wanted.equals(known.get(in.departmentIds().get(i))[2])) {
                errors.add(new FieldError("departmentIds[" + i + "]", "round.department-other-district|" + wanted));
            }
        }
        if (errors.isEmpty() && ids.isEmpty()) {
            errors.add(new FieldError("departmentIds", "round.no-departments"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        String district = in.district().strip();
        // one round per year and district, and a department in one round of a year: serialised per year
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext('round'), ?1)) l")
                .setParameter(1, in.fiscalYear()).getSingleResult();
        if (SeasonRound.count("fiscalYear = ?1 and district = ?2", in.fiscalYear(), district) > 0) {
            throw ProblemException.conflict("round.exists", String.valueOf(in.fiscalYear()), district);
        }
        List<String> taken = SeasonRoundDepartment.<SeasonRoundDepartment>list("fiscalYear = ?1 and key.departmentId in ?2",
                in.fiscalYear(), ids).stream().map(d -> d.key.departmentId()).toList();
        if (!taken.isEmpty()) {
            throw ProblemException.conflict("round.department-taken", String.valueOf(in.fiscalYear()),
                    String.join("、", taken.stream().map(id -> (String) known.get(id)[1]).toList()));
        }
        SeasonRound r = new SeasonRound();
        r.fiscalYear = in.fiscalYear();
        r.district = district;
        r.deadline = in.deadline();
        r.templateVersion = in.templateVersion();
        r.status = "OPEN";
        r.openedBy = caller.name();
        r.openedAt = now();
        r.persistAndFlush();
        for (String id : ids) {
            SeasonRoundDepartment d = new SeasonRoundDepartment();
            d.key = new SeasonRoundDepartment.Key(r.id, id);
            d.fiscalYear = r.fiscalYear;
            d.departmentCode = (String) known.get(id)[0];
            d.departmentName = (String) known.get(id)[1];
            d.persist();
            notices.send(caller.name(), id, r.fiscalYear, r.id, "OPENED", r.deadline, null);
        }
        audit.record("season-round", String.valueOf(r.id), r.version, caller.name(), List.of(
                new AuditTrail.Change("status", null, "OPEN"),
                new AuditTrail.Change("fiscalYear", null, r.fiscalYear),
                new AuditTrail.Change("district", null, r.district),
                new AuditTrail.Change("deadline", null, r.deadline),
                new AuditTrail.Change("templateVersion", null, r.templateVersion),
                new AuditTrail.Change("departments", null, String.join(",", ids))));
        return view(r, null);
    }

    /**
     * Department id → {code, name, 区县}: every onboarded department whose figures reached this service (any
     * year); its 区县 is the jurisdiction budget-service records on the department (BudgetFiguresChanged
     * sheet.department.jurisdiction) in its latest sheet.
     */
    private Map<String, Object[]> knownDepartments() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (department_id) department_id, department_code, "
                + "department_name, coalesce(cast(sheet as jsonb) -> 'department' ->> 'jurisdiction', '') "
                + "from sheet_view order by department_id, fiscal_year desc").getResultList();
        Map<String, Object[]> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], new Object[] { row[1], row[2], ((String) row[3]).strip() });
        }
        return out;
    }

    /** The 区县 a round can be opened for (reviewers): those of the onboarded departments, by name. */
    @Transactional
    public List<DistrictResponse> districts(Caller caller) {
        requireReviewer(caller);
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Object[] v : knownDepartments().values()) {
            if (!((String) v[2]).isEmpty()) {
                counts.merge((String) v[2], 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(e -> new DistrictResponse(e.getKey(), e.getValue())).toList();
    }

    @Transactional
    public List<RoundResponse> list(Caller caller, Integer fiscalYear) {
        List<SeasonRound> rounds = fiscalYear == null ? SeasonRound.list("order by fiscalYear desc, district")
                : SeasonRound.list("fiscalYear = ?1 order by district", fiscalYear);
        List<RoundResponse> out = new ArrayList<>();
        for (SeasonRound r : rounds) {
            if (caller.readsAllDepartments()) {
                out.add(view(r, null));
            } else if (caller.departmentId().isPresent()
                    && SeasonRoundDepartment.findById(new SeasonRoundDepartment.Key(r.id, caller.departmentId().get())) != null) {
                out.add(view(r, caller.departmentId().get()));
            }
        }
        return out;
    }

    @Transactional
    public RoundResponse get(Caller caller, long id) {
        SeasonRound r = SeasonRound.findById(id);
        if (r == null) {
            throw ProblemException.notFound("round.not-found", String.valueOf(id));
        }
        if (caller.readsAllDepartments()) {
            return view(r, null);
        }
        String own = caller.departmentId().orElse(null);
        // a department not in the round learns nothing about it
        if (own == null || SeasonRoundDepartment.findById(new SeasonRoundDepartment.Key(r.id, own)) == null) {
            throw ProblemException.notFound("round.not-found", String.valueOf(id));
        }
        return view(r, own);
    }

    /** The round with every department's progress (bureau) or only the caller's own row (department). */
    private RoundResponse view(SeasonRound r, String onlyDepartment) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.department_id, d.department_code, d.department_name, "
                + "d.extended_until, d.final_status, f.status, s.department_id is not null "
                + "from season_round_department d "
                + "left join filing f on f.department_id = d.department_id and f.fiscal_year = d.fiscal_year "
                + "left join sheet_view s on s.department_id = d.department_id and s.fiscal_year = d.fiscal_year "
                + "where d.round_id = ?1 and (?2 = '' or d.department_id = ?2) order by d.department_code, d.department_id")
                .setParameter(1, r.id).setParameter(2, onlyDepartment == null ? "" : onlyDepartment).getResultList();
        LocalDate today = SeasonRules.today();
        Map<SeasonRules.Progress, Integer> counts = new EnumMap<>(SeasonRules.Progress.class);
        for (SeasonRules.Progress p : SeasonRules.Progress.values()) {
            counts.put(p, 0);
        }
        List<DepartmentRow> departments = new ArrayList<>();
        for (Object[] row : rows) {
            LocalDate extended = Columns.date(row[3]);
            LocalDate effective = SeasonRules.effectiveDeadline(r.deadline, extended);
            String filingStatus = (String) row[5];
            SeasonRules.Progress progress = row[4] != null ? SeasonRules.Progress.valueOf((String) row[4])
                    : SeasonRules.progress(filingStatus, (Boolean) row[6], today, effective);
            counts.merge(progress, 1, Integer::sum);
            departments.add(new DepartmentRow((String) row[0], (String) row[1], (String) row[2], extended, effective,
                    SeasonRules.daysLeft(today, effective), progress, filingStatus == null ? "DRAFT" : filingStatus));
        }
        return new RoundResponse(r.id, r.fiscalYear, r.district, r.deadline, r.templateVersion, r.status, r.openedBy,
                r.openedAt, r.closedAt, r.version, onlyDepartment == null ? counts : null, departments);
    }

    /** 延期: an audited later deadline for one department of an open round. */
    @Transactional
    public RoundResponse extend(Caller caller, long id, ExtensionInput in) {
        requireReviewer(caller);
        SeasonRound r = lockOpen(id);
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.departmentId() == null || in.departmentId().isBlank()) {
            errors.add(new FieldError("departmentId", "round.field-required"));
        }
        if (in == null || in.until() == null) {
            errors.add(new FieldError("until", "round.field-required"));
        } else if (!in.until().isAfter(r.deadline)) {
            errors.add(new FieldError("until", "round.extension-not-later|" + r.deadline));
        }
        if (in == null || in.reason() == null || in.reason().isBlank()) {
            errors.add(new FieldError("reason", "round.extension-reason"));
        } else if (in.reason().length() > 2000) {
            errors.add(new FieldError("reason", "round.extension-reason-too-long"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        Versions.check(in.version(), r.version);
        SeasonRoundDepartment d = SeasonRoundDepartment.findById(new SeasonRoundDepartment.Key(r.id, in.departmentId()));
        if (d == null) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("departmentId", "round.department-not-in-round")));
        }
        LocalDate old = d.extendedUntil;
        d.extendedUntil = in.until();
        // the round's version counts its extensions too: a close based on an older read is refused
        em.lock(r, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        audit.record("season-round-department", r.id + "/" + d.key.departmentId(), r.version, caller.name(), List.of(
                new AuditTrail.Change("extendedUntil", old, d.extendedUntil),
                new AuditTrail.Change("extensionReason", null, in.reason().strip())));
        notices.send(caller.name(), d.key.departmentId(), r.fiscalYear, r.id, "EXTENDED", d.extendedUntil, in.reason().strip());
        em.flush();
        return view(r, null);
    }

    /** Closing freezes the list and each department's status; no extension or submission afterwards. */
    @Transactional
    public RoundResponse close(Caller caller, long id, CloseInput in) {
        requireReviewer(caller);
        SeasonRound r = lockOpen(id);
        Versions.check(in == null ? null : in.version(), r.version);
        RoundResponse before = view(r, null);
        for (DepartmentRow row : before.departments()) {
            SeasonRoundDepartment d = SeasonRoundDepartment.findById(new SeasonRoundDepartment.Key(r.id, row.departmentId()));
            d.finalStatus = row.progress().name();
        }
        r.status = "CLOSED";
        r.closedBy = caller.name();
        r.closedAt = now();
        em.flush();
        audit.record("season-round", String.valueOf(r.id), r.version, caller.name(), List.of(
                new AuditTrail.Change("status", "OPEN", "CLOSED"),
                new AuditTrail.Change("finalCounts", null, before.counts().toString())));
        return view(r, null);
    }

    private SeasonRound lockOpen(long id) {
        SeasonRound r = SeasonRound.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("round.not-found", String.valueOf(id));
        }
        if (!"OPEN".equals(r.status)) {
            throw ProblemException.conflict("round.closed", String.valueOf(r.fiscalYear), r.district);
        }
        return r;
    }

    /**
     * Called by a department's submit (its transaction, the year already locked): in a closed round, or
     * after the department's deadline without an extension, a first submission is refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkSubmit(String departmentId, int fiscalYear, String filingStatus) {
        SeasonRoundDepartment d = SeasonRoundDepartment.find("key.departmentId = ?1 and fiscalYear = ?2", departmentId,
                fiscalYear).firstResult();
        if (d == null) {
            return; // no round covers this department-year: the filing workflow alone applies
        }
        SeasonRound r = SeasonRound.findById(d.key.roundId());
        if (!"OPEN".equals(r.status)) {
            throw ProblemException.conflict("round.closed", String.valueOf(r.fiscalYear), r.district);
        }
        LocalDate effective = SeasonRules.effectiveDeadline(r.deadline, d.extendedUntil);
        if (!SeasonRules.submitAllowed(filingStatus, SeasonRules.today(), effective)) {
            throw ProblemException.conflict("round.overdue", effective.toString());
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
