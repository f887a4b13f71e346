package io.jixiao.budget.service;

import java.time.Year;
import java.util.List;

import io.jixiao.budget.domain.Department;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DepartmentService {

    private final io.jixiao.platform.audit.AuditTrail audit;
    /** Lazy: the guard itself depends on this service. */
    private final jakarta.inject.Provider<FilingGuard> guard;

    public DepartmentService(io.jixiao.platform.audit.AuditTrail audit, jakarta.inject.Provider<FilingGuard> guard) {
        this.audit = audit;
        this.guard = guard;
    }

    /** Departments the caller may see: their own, or all for the bureau. */
    public List<Department> visibleTo(Caller caller) {
        if (caller.readsAllDepartments()) {
            return Department.list("order by code");
        }
        return caller.departmentId().map(id -> Department.<Department>list("id", id)).orElse(List.of());
    }

    /** The department, after the caller's read rule; 404 only for callers who may see every department. */
    public Department require(String departmentId) {
        Department d = Department.findById(departmentId);
        if (d == null) {
            throw ProblemException.notFound("department.not-found", departmentId);
        }
        return d;
    }

    /** 单位基本情况 of one department: its own members edit it; the bureau reads it. */
    @jakarta.transaction.Transactional
    public Department updateProfile(Caller caller, String departmentId, io.jixiao.budget.rest.ProfileInput in) {
        caller.checkWrite(departmentId);
        Department d = require(departmentId);
        io.jixiao.budget.service.FilingGuard.checkVersion(in.version(), d.version);
        java.util.LinkedHashMap<String, Object> before = profile(d);
        d.name = in.name().trim();
        d.duties = in.duties().stream().map(String::trim).toList();
        d.divisions = in.divisions().stream().map(String::trim).toList();
        if (before.equals(profile(d))) {
            return d;
        }
        d.persistAndFlush();
        java.util.List<io.jixiao.platform.audit.AuditTrail.Change> changes = new java.util.ArrayList<>();
        profile(d).forEach((k, v) -> changes.add(new io.jixiao.platform.audit.AuditTrail.Change(k, before.get(k), v)));
        audit.record("department", departmentId, d.version, caller.name(), changes);
        // the sheets carry the profile: every year of the department goes out again, newer
        // Locked (submitted) years keep the sheet they were submitted with: their row is taken with a lock
        // first, so a lock applied concurrently is seen here and never overwritten by this republish.
        List<io.jixiao.budget.domain.FilingLock.Key> years = io.jixiao.budget.domain.FilingLock.getEntityManager().createQuery(
                "select f.key from FilingLock f where f.key.departmentId = ?1 order by f.key.fiscalYear",
                io.jixiao.budget.domain.FilingLock.Key.class).setParameter(1, departmentId).getResultList();
        for (io.jixiao.budget.domain.FilingLock.Key year : years) {
            io.jixiao.budget.domain.FilingLock filing = FilingGuard.lockRow(year);
            if (!filing.locked) {
                guard.get().republish(caller, filing, "profile");
            }
        }
        return d;
    }

    private static java.util.LinkedHashMap<String, Object> profile(Department d) {
        java.util.LinkedHashMap<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("name", d.name);
        v.put("duties", String.join("\n", d.duties));
        v.put("divisions", String.join("、", d.divisions));
        return v;
    }

    /** A fiscal year the department reports: from its first year to the current year. */
    public void checkFiscalYear(Department d, int fiscalYear) {
        int last = Year.now().getValue();
        if (fiscalYear < d.firstFiscalYear || fiscalYear > last) {
            throw new ProblemException(400, "fiscal-year.out-of-range",
                    List.of(new io.jixiao.platform.problem.FieldError("fiscalYear", "fiscal-year.out-of-range.short")),
                    String.valueOf(fiscalYear), String.valueOf(d.firstFiscalYear), String.valueOf(last));
        }
    }
}
