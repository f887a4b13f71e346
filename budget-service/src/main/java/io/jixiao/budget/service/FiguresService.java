package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.jixiao.budget.domain.Limits;
import io.jixiao.budget.domain.Department;
import io.jixiao.budget.domain.DepartmentYearSection;
import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.domain.OtherFigures;
import io.jixiao.budget.domain.Project;
import io.jixiao.budget.domain.Staffing;
import io.jixiao.budget.domain.VarianceReason;
import io.jixiao.budget.rest.FigureInputs;
import io.jixiao.platform.audit.AuditEntry;
import io.jixiao.platform.money.Money;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The department-year sections besides 基本支出: staffing, other figures, projects, variance reasons. */
@ApplicationScoped
public class FiguresService {

    private final DepartmentService departments;
    private final FilingGuard guard;
    private final BudgetSheetService sheets;
    private final SheetDocuments documents;

    public FiguresService(DepartmentService departments, FilingGuard guard, BudgetSheetService sheets,
            SheetDocuments documents) {
        this.departments = departments;
        this.guard = guard;
        this.sheets = sheets;
        this.documents = documents;
    }

    /** The stored sheet; null when the year has not changed since sheets are stored. */
    public io.jixiao.platform.api.DocumentCache.Entry document(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return documents.find(departmentId, fiscalYear);
    }

    @Transactional
    public BudgetSheet sheet(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        Department d = departments.require(departmentId);
        departments.checkFiscalYear(d, fiscalYear);
        return sheets.load(departmentId, fiscalYear);
    }

    @Transactional
    public BudgetSheet saveStaffing(Caller caller, String departmentId, int fiscalYear, FigureInputs.StaffingInput in) {
        FilingLock filing = guard.beginWrite(caller, departmentId, fiscalYear);
        Staffing row = Staffing.find(departmentId, fiscalYear).orElse(null);
        saveSection(caller, filing, "staffing", row, in.version(), Staffing::new, s -> {
            s.authorizedPosts = in.authorizedPosts();
            s.staffInPost = in.staffInPost();
            s.retiredSoldiers = in.retiredSoldiers();
            s.temporaryStaff = in.temporaryStaff();
            s.secondedStaff = in.secondedStaff();
            s.retirees = in.retirees();
            return s;
        });
        return sheets.load(departmentId, fiscalYear);
    }

    @Transactional
    public BudgetSheet saveOtherFigures(Caller caller, String departmentId, int fiscalYear,
            FigureInputs.OtherFiguresInput in) {
        FilingLock filing = guard.beginWrite(caller, departmentId, fiscalYear);
        List<FieldError> errors = new ArrayList<>();
        BasicExpenditureService.partAtMost("fixedAssetsInUse", in.fixedAssetsInUse(), in.fixedAssetsTotal(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        OtherFigures row = OtherFigures.find(departmentId, fiscalYear).orElse(null);
        saveSection(caller, filing, "other_figures", row, in.version(), OtherFigures::new, o -> {
            o.overseasBudget = yuan(in.overseasBudget());
            o.overseasActual = yuan(in.overseasActual());
            o.carsBudget = yuan(in.carsBudget());
            o.carsActual = yuan(in.carsActual());
            o.receptionBudget = yuan(in.receptionBudget());
            o.receptionActual = yuan(in.receptionActual());
            o.threePublicBudgetLastYear = yuan(in.threePublicBudgetLastYear());
            o.procurementBudget = yuan(in.procurementBudget());
            o.procurementActual = yuan(in.procurementActual());
            o.carryOver = yuan(in.carryOver());
            o.carryOverLastYear = yuan(in.carryOverLastYear());
            o.fixedAssetsTotal = yuan(in.fixedAssetsTotal());
            o.fixedAssetsInUse = yuan(in.fixedAssetsInUse());
            o.monthlyPayments = in.monthlyPayments() == null ? null
                    : in.monthlyPayments().stream().map(FiguresService::yuan).toList();
            return o;
        });
        return sheets.load(departmentId, fiscalYear);
    }

    /** Creates (projectId null) or updates a project. */
    @Transactional
    public BudgetSheet saveProject(Caller caller, String departmentId, int fiscalYear, Long projectId,
            FigureInputs.ProjectInput in) {
        FilingLock filing = guard.beginWrite(caller, departmentId, fiscalYear);
        Project row = null;
        if (projectId != null) {
            row = requireProject(departmentId, fiscalYear, projectId);
        } else if (Project.count("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear) >= Limits.PROJECTS) {
            throw new ProblemException(400, "project.too-many", Limits.PROJECTS);
        }
        long sameName = Project.count("departmentId = ?1 and fiscalYear = ?2 and name = ?3 and id <> ?4",
                departmentId, fiscalYear, in.name().trim(), projectId == null ? -1L : projectId);
        if (sameName > 0) {
            throw new ProblemException(409, "project.name.duplicate",
                    List.of(new FieldError("name", "project.name.duplicate")));
        }
        saveSection(caller, filing, "project", row, in.version(), Project::new, p -> {
            p.name = in.name().trim();
            p.budget = yuan(in.budget());
            p.adjustment = in.adjustment() == null ? BigDecimal.ZERO.setScale(2) : yuan(in.adjustment());
            p.adjustmentReason = in.adjustmentReason();
            p.actualOwn = yuan(in.actualOwn());
            p.actualDirect = in.actualDirect() == null ? BigDecimal.ZERO.setScale(2) : yuan(in.actualDirect());
            p.keyProject = in.keyProject();
            return p;
        });
        return sheets.load(departmentId, fiscalYear);
    }

    @Transactional
    public BudgetSheet deleteProject(Caller caller, String departmentId, int fiscalYear, long projectId, Long version) {
        FilingLock filing = guard.beginWrite(caller, departmentId, fiscalYear);
        Project row = requireProject(departmentId, fiscalYear, projectId);
        FilingGuard.checkVersion(version, row.version);
        LinkedHashMap<String, Object> before = row.auditValues();
        String auditId = row.auditId();
        VarianceReason.delete("projectId", projectId);
        // its 支出明细 go with it (no foreign key on the lines, see migration V9); its sums cascade
        Project.getEntityManager().createNativeQuery(
                "delete from spending_line where department_id = ?1 and fiscal_year = ?2 and project_id = ?3")
                .setParameter(1, departmentId).setParameter(2, fiscalYear).setParameter(3, projectId)
                .executeUpdate();
        row.delete();
        guard.changed(caller, filing, "project", auditId, null, before, new LinkedHashMap<>());
        return sheets.load(departmentId, fiscalYear);
    }

    /** Replaces the year's variance reasons; based on the filing revision the client read. */
    @Transactional
    public BudgetSheet saveReasons(Caller caller, String departmentId, int fiscalYear,
            FigureInputs.VarianceReasonsInput in) {
        FilingLock filing = guard.beginWrite(caller, departmentId, fiscalYear);
        FilingGuard.checkVersion(in.revision(), filing.revision == 0 ? null : filing.revision);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < in.reasons().size(); i++) {
            FigureInputs.ReasonInput r = in.reasons().get(i);
            boolean projectLine = r.line() == VarianceReason.Line.PROJECT;
            if (projectLine != (r.projectId() != null)) {
                errors.add(new FieldError("reasons[" + i + "].projectId", "reason.project.required"));
            } else if (projectLine && Project.find("id = ?1 and departmentId = ?2 and fiscalYear = ?3",
                    r.projectId(), departmentId, fiscalYear).firstResultOptional().isEmpty()) {
                errors.add(new FieldError("reasons[" + i + "].projectId", "reason.project.foreign"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        List<VarianceReason> old = VarianceReason.of(departmentId, fiscalYear);
        LinkedHashMap<String, Object> before = reasonsAudit(old);
        VarianceReason.delete("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear);
        int position = 0;
        for (FigureInputs.ReasonInput r : in.reasons()) {
            VarianceReason v = new VarianceReason();
            v.departmentId = departmentId;
            v.fiscalYear = fiscalYear;
            v.line = r.line();
            v.projectId = r.projectId();
            v.amount = yuan(r.amount());
            v.reason = r.reason().trim();
            v.position = position++;
            v.persist();
        }
        guard.changed(caller, filing, "variance_reasons", departmentId + ":" + fiscalYear, null, before,
                reasonsAudit(VarianceReason.of(departmentId, fiscalYear)));
        return sheets.load(departmentId, fiscalYear);
    }

    @Transactional
    public List<AuditEntry> history(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        departments.require(departmentId);
        String prefix = departmentId + ":" + fiscalYear;
        return AuditEntry.<AuditEntry>find("(entityId = ?1 or entityId like ?2) order by occurredAt, id", prefix,
                prefix + ":%").list();
    }

    /** Create-or-update of one versioned section, then the guard records it (audit, revision, event). */
    private <T extends DepartmentYearSection> T saveSection(Caller caller, FilingLock filing, String section, T row,
            Long basedOn, java.util.function.Supplier<T> create, Function<T, T> apply) {
        FilingGuard.checkVersion(basedOn, row == null ? null : row.version);
        LinkedHashMap<String, Object> before = row == null ? null : row.auditValues();
        if (row == null) {
            row = create.get();
            row.departmentId = filing.key.departmentId();
            row.fiscalYear = filing.key.fiscalYear();
        }
        apply.apply(row);
        if (before != null && Objects.equals(before, row.auditValues())) {
            return row;
        }
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = caller.name();
        row.persistAndFlush();
        guard.changed(caller, filing, section, row.auditId(), row.version, before, row.auditValues());
        return row;
    }

    private static Project requireProject(String departmentId, int fiscalYear, long projectId) {
        // A project of another department or year is "not found" for this one: never touched.
        return Project.<Project>find("id = ?1 and departmentId = ?2 and fiscalYear = ?3", projectId, departmentId,
                fiscalYear).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("project.not-found", String.valueOf(projectId)));
    }

    private static LinkedHashMap<String, Object> reasonsAudit(List<VarianceReason> reasons) {
        LinkedHashMap<String, Object> v = new LinkedHashMap<>();
        v.put("reasons", reasons.stream().map(r -> r.line + (r.projectId == null ? "" : "#" + r.projectId) + " "
                + r.amount.toPlainString() + " " + r.reason).toList().toString());
        return v;
    }

    private static BigDecimal yuan(BigDecimal v) {
        return v == null ? null : Money.yuan(v);
    }
}
